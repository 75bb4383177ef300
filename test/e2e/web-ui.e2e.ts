/**
 * The web page as a bureau user lives in it (issues 16 and 17), in chromium, zh-CN and en-US, each check at 320, 400
 * and 1280 px: first use (sample opened in the page), dates typed and echoed, every screen accessible, no large
 * empty gaps (measured), results with the charts, the completion matrix and a copyable 通报稿, 查看排名表 /
 * 打开考核规则表 shown in the page's sheet preview, and the issue list ordered, grouped and collapsible, each issue
 * shown with its neighbours. Screenshots (the charts on their own too) in test-output/screenshots.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  chromiumAvailable,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  SHOTS_DIR,
} from "./support/browser";
import { issueWorkbook } from "./support/issue-workbook";
import { serveFolder, type StaticServer } from "./support/static-server";
import { MESSAGES } from "../../src/ui/i18n";
import { WEB_MESSAGES } from "../../src/web/web-i18n";

const DIST = join(__dirname, "..", "..", "dist");
const ready = chromiumAvailable() && existsSync(join(DIST, "index.html"));
if (!ready && process.env.CI) throw new Error(`browser tests need chromium and a build in ${DIST}`);
const describeIfReady = ready ? describe : describe.skip;

/** Largest empty vertical space allowed between neighbouring blocks. */
const MAX_GAP = 40;
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

describeIfReady("web page for a bureau user", () => {
  let browser: Browser;
  let server: StaticServer;
  let issuesFile: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "web-ui-e2e-"));
    issuesFile = join(dir, "报送-1-9月.xlsx");
    writeFileSync(issuesFile, await issueWorkbook());
    server = await serveFolder(DIST);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
    const b = await locator.boundingBox();
    if (!b) throw new Error("element not laid out");
    return { top: b.y, bottom: b.y + b.height };
  }

  async function gapBetween(upper: Locator, lower: Locator): Promise<number> {
    return (await box(lower)).top - (await box(upper)).bottom;
  }

  async function settled(page: Page, name: string): Promise<void> {
    await page.evaluate(() =>
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))
    );
    await screenshot(page, name);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      )
    ).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  /** The preview is on screen: beside the screens on a wide window, scrolled to when narrow. */
  async function expectInView(page: Page, locator: Locator): Promise<void> {
    await locator.waitFor();
    await page.waitForFunction(
      (el) => {
        const r = (el as Element).getBoundingClientRect();
        return r.top < window.innerHeight && r.bottom > 0;
      },
      await locator.elementHandle()
    );
  }

  const WIDTHS = [320, 400, 1280] as const;
  const HEADING = { "zh-CN": "招商考核助手", "en-US": "Investment Promotion Scorecard" } as const;

  // One page per language, shared by its tests in order: the sample is opened and assessed once, the issue
  // workbook read once, and every check is made at each width by resizing the same page (layout is what changes
  // with the width; loading and assessing again would test nothing more).
  for (const locale of ["zh-CN", "en-US"] as const) {
    const m = MESSAGES[locale];
    const web = WEB_MESSAGES[locale];
    const shot = (width: number, step: string) => `web-ui-${locale}-${width}-${step}`;

    describe(locale, () => {
      let context: BrowserContext;
      let page: Page;
      const missing: string[] = [];
      const foreign: string[] = [];

      beforeAll(async () => {
        context = await browser.newContext({ locale, viewport: { width: WIDTHS[0], height: 800 } });
        await context.grantPermissions(["clipboard-read", "clipboard-write"], {
          origin: server.url,
        });
        page = await context.newPage();
        page.on("response", (r) => {
          if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
        });
        page.on("request", (r) => {
          if (!r.url().startsWith(server.url) && !/^(data|blob):/.test(r.url()))
            foreign.push(r.url());
        });
        await page.goto(`${server.url}/index.html`);
        await page.getByRole("heading", { level: 1 }).waitFor();
      });

      afterAll(async () => {
        await context?.close();
      });

      /** Runs `check` at each width, the page resized in place. */
      async function atEachWidth(check: (width: number) => Promise<void>): Promise<void> {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await check(width);
        }
      }

      it("first use: which sheets are needed, the sample and the blank template, a favicon", async () => {
        await expect(page.textContent("h1")).resolves.toBe(HEADING[locale]);
        expect(await page.getAttribute('link[rel="icon"]', "href")).toBe("assets/icon-32.png");
        await atEachWidth(async (width) => {
          await expect(page.getByText(web.sheetsNeeded).isVisible()).resolves.toBe(true);
          for (const name of [web.openSample, web.downloadSample, web.downloadTemplate])
            await expect(page.getByRole("button", { name }).isEnabled()).resolves.toBe(true);
          await settled(page, shot(width, "first-use"));
        });
      });

      it("the sample's period in the boxes; dates typed either way and echoed with 序时进度; no gaps", async () => {
        await page.getByRole("button", { name: web.openSample }).click();
        // Recognised: the assess form shows the rules sheet's period in the boxes, as typed text, not a native
        // date input in the browser's own format.
        const asOf = page.getByLabel(m.assess.asOf);
        await page.getByRole("tab", { name: new RegExp(`^${m.tabs.issues} \\(`) }).waitFor();
        expect(await asOf.getAttribute("type")).toBe("text");
        await expect(page.getByLabel(m.assess.periodStart).inputValue()).resolves.toBe(
          "2007-07-01"
        );
        await expect(page.getByLabel(m.assess.periodEnd).inputValue()).resolves.toBe("2008-03-31");
        await asOf.fill("2008年1月31日");
        await asOf.press("Tab");
        await expect(asOf.inputValue()).resolves.toBe("2008-01-31");
        const echo = page.getByTestId("period-echo");
        const day = locale === "zh-CN" ? "2008年1月31日" : "2008-01-31";
        await expect(echo.textContent()).resolves.toContain(day);
        await expect(echo.textContent()).resolves.toContain("77.8%");
        await atEachWidth(async (width) => {
          expect(
            await gapBetween(page.getByTestId("file-bar"), page.getByRole("tablist"))
          ).toBeLessThan(MAX_GAP);
          await expect(page.getByText(web.downloadHint).isVisible()).resolves.toBe(true);
          await settled(page, shot(width, "assess-before"));
        });
      });

      it("the sheets and checks screens at each width", async () => {
        await page.getByRole("tab", { name: m.tabs.sheets }).click();
        await page.getByText("项目台账").first().waitFor();
        await atEachWidth((width) => settled(page, shot(width, "sheets")));
        await page.getByRole("tab", { name: new RegExp(`^${m.tabs.issues} \\(`) }).click();
        await atEachWidth((width) => settled(page, shot(width, "checks")));
        await page.getByRole("tab", { name: m.tabs.assess }).click();
      });

      it("results: charts, 名次变化, the completion matrix, the cap explained, a copyable 通报稿, no gaps", async () => {
        const start = page.getByRole("button", { name: m.assess.start });
        await start.click();
        const status = page.getByRole("status").filter({ hasText: /考核完成|Done:/ });
        await status.waitFor({ timeout: 60_000 });
        const results = page.getByRole("region", { name: m.assess.previewTitle });
        const charts = results.getByTestId("result-charts");
        await charts.waitFor();
        await expect(charts.getByRole("img").count()).resolves.toBe(2);
        await expect(
          results.getByRole("columnheader", { name: m.assess.rankChange }).count()
        ).resolves.toBe(1);
        const matrix = results.getByRole("table", { name: m.assess.matrixTitle("77.8%") });
        expect(await matrix.locator("tbody tr").count()).toBe(14);
        expect(await matrix.locator("td[data-status]").first().textContent()).toMatch(
          /^\S+ \d+\.\d%$/
        );
        // 净月区 scores 114.5: the page says why a score passes 100.
        await expect(results.getByTestId("above-full").textContent()).resolves.toContain("净月区");
        const notice = results.getByRole("textbox", { name: m.assess.noticeTitle });
        await expect(notice.inputValue()).resolves.toMatch(/序时进度为77\.8%/);
        await results.getByRole("button", { name: m.assess.copy }).click();
        await results.getByText(m.assess.copied).waitFor();
        await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
          await notice.inputValue()
        );
        await expect(page.getByRole("button", { name: web.download }).isEnabled()).resolves.toBe(
          true
        );
        await atEachWidth(async (width) => {
          // From the button row (查看排名表 may wrap under 开始考核 at 400 px).
          expect(await gapBetween(start.locator(".."), status)).toBeLessThan(MAX_GAP);
          expect(await gapBetween(status, results)).toBeLessThan(MAX_GAP);
          expect(
            await gapBetween(page.getByTestId("file-bar"), page.getByRole("tablist"))
          ).toBeLessThan(MAX_GAP);
          await expect(charts.isVisible()).resolves.toBe(true);
          await settled(page, shot(width, "assess-done"));
          await charts.screenshot({ path: join(SHOTS_DIR, `${shot(width, "charts")}.png`) });
        });
      });

      it("查看排名表 and 打开考核规则表 show the sheet in the page's read-only preview", async () => {
        const preview = page.getByTestId("cell-preview");
        await atEachWidth(async (width) => {
          await page.getByRole("button", { name: m.assess.showRanking }).click();
          await expectInView(
            page,
            preview.getByRole("heading", { name: web.sheetTitle("考核排名") })
          );
          await expect(preview.textContent()).resolves.toContain("排名");
          await settled(page, shot(width, "ranking-preview"));
          await page.getByRole("button", { name: m.assess.openRules }).click();
          await expectInView(
            page,
            preview.getByRole("heading", { name: web.sheetTitle("考核规则") })
          );
        });
      });

      it("another file's issues: ordered, grouped, collapsible, each shown with its neighbours", async () => {
        // 换一个文件: the page's own file input, beside the open workbook.
        await page.setInputFiles("input[type=file]", issuesFile);
        const tab = page.getByRole("tab", { name: new RegExp(`^${m.tabs.issues} \\(`) });
        await tab.click();
        const panel = page.locator('[role="tabpanel"]:not([hidden])');
        // The sample has no findings: the list fills once the new file is read and checked.
        await panel.locator("[data-sheet]").first().waitFor({ timeout: 60_000 });

        // The tab's count is the filter's 全部 count.
        const total = Number(/\((\d+)/.exec((await tab.textContent()) ?? "")?.[1]);
        expect(total).toBeGreaterThan(0);
        await expect(
          panel.getByRole("option", { name: `${m.issues.all} (${total})` }).count()
        ).resolves.toBe(1);

        // Sheets with errors first; in each, errors, then unit-of-measure findings, warnings, info.
        const order = await panel.evaluate((root) =>
          [...root.querySelectorAll("[data-sheet]")].map((sheet) => ({
            sheet: sheet.getAttribute("data-sheet"),
            kinds: [...sheet.querySelectorAll("[data-kind]")].map((k) =>
              k.getAttribute("data-severity")
            ),
          }))
        );
        expect(order.map((o) => o.sheet).sort()).toEqual(["1-9月完成情况", "目标分解表"]);
        for (const { kinds } of order) {
          const ranks = kinds.map((sev) => SEVERITY_RANK[sev ?? ""] ?? 9);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        }
        // The "3.5亿" read in a 亿元 column stands out.
        await expect(panel.getByText(m.issues.measureNote(1)).isVisible()).resolves.toBe(true);
        await expect(
          panel.locator('[data-kind="number_as_text"]').getByText(m.issues.measureBadge).count()
        ).resolves.toBe(1);
        // Under its own heading a message does not repeat "Sheet!A4：".
        for (const text of await panel.locator("li button").allInnerTexts())
          expect(text).not.toMatch(/(目标分解表|1-9月完成情况)![A-Z]+\d+[：:]/);

        // Clicking an issue shows the cell with its neighbours; 采用建议 writes the suggestion into the page's
        // workbook and checks it again, so the finding goes.
        const a4 = panel
          .locator('[data-sheet="1-9月完成情况"] li')
          .filter({ hasText: /^A4/ })
          .first();
        const preview = page.getByTestId("cell-preview");
        await a4.getByRole("button").first().click();
        await expectInView(page, preview.locator('[aria-current="true"]'));
        await expect(preview.locator('[aria-current="true"]').textContent()).resolves.toBe(
          "朝阳去"
        );
        expect(await preview.locator("tbody tr").count()).toBeGreaterThan(3);
        await a4.getByRole("button", { name: m.issues.adoptFor("朝阳区", "A4") }).click();
        await panel.getByText(m.issues.adopted("朝阳区", ["A4"])).waitFor({ timeout: 60_000 });
        await expect(
          panel.getByRole("button", { name: m.issues.adoptFor("朝阳区", "A4") }).count()
        ).resolves.toBe(0);

        // At each width: the list, and a finding shown in the preview, in view.
        await atEachWidth(async (width) => {
          await settled(page, shot(width, "issues"));
          await panel.locator('[data-sheet="1-9月完成情况"] li button').first().click();
          await expectInView(page, preview.locator('[aria-current="true"]'));
          expect(await preview.locator("tbody tr").count()).toBeGreaterThan(3);
          await settled(page, shot(width, "issue-preview"));
        });

        // Collapsible: a sheet's findings fold under its heading.
        const sheetHeader = panel.locator('[data-sheet="1-9月完成情况"] button').first();
        await sheetHeader.click();
        await page.waitForFunction(
          () => document.querySelectorAll('[data-sheet="1-9月完成情况"] [data-kind]').length === 0
        );
        await sheetHeader.click();
        await panel.locator('[data-sheet="1-9月完成情况"] [data-kind]').first().waitFor();
      });

      it("fetched nothing missing and nothing from outside the page", () => {
        expect(missing).toEqual([]);
        expect(foreign).toEqual([]);
      });
    });
  }
});
