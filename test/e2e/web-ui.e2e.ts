/**
 * The web page as a bureau user lives in it (issue 17), in chromium, zh-CN and en-US at 320, 400 and 1280 px:
 * first use (sample opened in the page), dates typed and echoed, no large empty gaps (measured), results with
 * the completion matrix, 查看排名表 / 打开考核规则表 shown in the page's sheet preview, and the issue list ordered,
 * grouped and collapsible, each issue shown with its neighbours. Screenshots in test-output/screenshots.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import {
  chromiumAvailable,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
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

  // The whole run (the 1,227-row sample assessed) once per width, both languages among them; the issue list, which
  // reads a small file, in every language at every width.
  const FULL_RUNS: ReadonlySet<string> = new Set(["zh-CN 320", "en-US 400", "zh-CN 1280"]);

  for (const locale of ["zh-CN", "en-US"] as const) {
    const m = MESSAGES[locale];
    const web = WEB_MESSAGES[locale];
    for (const width of [320, 400, 1280]) {
      const shot = (step: string) => `web-ui-${locale}-${width}-${step}`;
      const itFull = FULL_RUNS.has(`${locale} ${width}`) ? it : it.skip;

      itFull(
        `${locale} at ${width}px: first use, dates, results and the sheet preview`,
        async () => {
          const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
          const page = await context.newPage();
          const missing: string[] = [];
          page.on("response", (r) => {
            if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
          });
          await page.goto(`${server.url}/index.html`);
          await page.getByRole("heading", { level: 1 }).waitFor();

          // First use: which sheets are needed, the sample and the blank template; the favicon resolves.
          await expect(page.getByText(web.sheetsNeeded).isVisible()).resolves.toBe(true);
          for (const name of [web.openSample, web.downloadSample, web.downloadTemplate])
            await expect(page.getByRole("button", { name }).isEnabled()).resolves.toBe(true);
          expect(await page.getAttribute('link[rel="icon"]', "href")).toBe("assets/icon-32.png");
          await settled(page, shot("first-use"));
          await page.getByRole("button", { name: web.openSample }).click();

          // Recognised: the assess form shows the rules sheet's period in the boxes, as typed text, not a
          // native date input in the browser's own format.
          const asOf = page.getByLabel(m.assess.asOf);
          await page.getByRole("tab", { name: new RegExp(`^${m.tabs.issues} \\(`) }).waitFor();
          expect(await asOf.getAttribute("type")).toBe("text");
          await expect(page.getByLabel(m.assess.periodStart).inputValue()).resolves.toBe(
            "2007-07-01"
          );
          await expect(page.getByLabel(m.assess.periodEnd).inputValue()).resolves.toBe(
            "2008-03-31"
          );
          await asOf.fill("2008年1月31日");
          await asOf.press("Tab");
          await expect(asOf.inputValue()).resolves.toBe("2008-01-31");
          const echo = page.getByTestId("period-echo");
          const day = locale === "zh-CN" ? "2008年1月31日" : "2008-01-31";
          await expect(echo.textContent()).resolves.toContain(day);
          await expect(echo.textContent()).resolves.toContain("77.8%");

          // No large gaps: file bar → tabs, and the start button → the result.
          const fileBar = page.getByTestId("file-bar");
          const tabs = page.getByRole("tablist");
          expect(await gapBetween(fileBar, tabs)).toBeLessThan(MAX_GAP);
          await expect(page.getByText(web.downloadHint).isVisible()).resolves.toBe(true);
          await settled(page, shot("assess-before"));

          const start = page.getByRole("button", { name: m.assess.start });
          await start.click();
          const status = page.getByRole("status").filter({ hasText: /考核完成|Done:/ });
          await status.waitFor({ timeout: 60_000 });
          // From the button row (查看排名表 may wrap under 开始考核 at 400 px).
          expect(await gapBetween(start.locator(".."), status)).toBeLessThan(MAX_GAP);
          const results = page.getByRole("region", { name: m.assess.previewTitle });
          expect(await gapBetween(status, results)).toBeLessThan(MAX_GAP);
          expect(await gapBetween(fileBar, tabs)).toBeLessThan(MAX_GAP);
          await expect(page.getByRole("button", { name: web.download }).isEnabled()).resolves.toBe(
            true
          );

          // Results: 名次变化, every unit × indicator against 序时进度 with band symbols, the 通报稿 paragraph.
          await expect(
            results.getByRole("columnheader", { name: m.assess.rankChange }).count()
          ).resolves.toBe(1);
          const matrix = results.getByRole("table", { name: m.assess.matrixTitle("77.8%") });
          expect(await matrix.locator("tbody tr").count()).toBe(14);
          expect(await matrix.locator("td[data-status]").first().textContent()).toMatch(
            /^\S+ \d+\.\d%$/
          );
          await expect(
            results.getByRole("textbox", { name: m.assess.noticeTitle }).inputValue()
          ).resolves.toMatch(/序时进度为77\.8%/);
          await settled(page, shot("assess-done"));

          // 查看排名表 and 打开考核规则表 show the sheet in the page's read-only preview.
          await page.getByRole("button", { name: m.assess.showRanking }).click();
          const preview = page.getByTestId("cell-preview");
          await expectInView(
            page,
            preview.getByRole("heading", { name: web.sheetTitle("考核排名") })
          );
          await expect(preview.textContent()).resolves.toContain("排名");
          await settled(page, shot("ranking-preview"));
          await page.getByRole("button", { name: m.assess.openRules }).click();
          await expectInView(
            page,
            preview.getByRole("heading", { name: web.sheetTitle("考核规则") })
          );
          expect(missing).toEqual([]);
          await context.close();
        }
      );

      it(`${locale} at ${width}px: issues ordered, grouped, collapsible, shown with their neighbours`, async () => {
        const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
        await context.grantPermissions(["clipboard-read", "clipboard-write"], {
          origin: server.url,
        });
        const page = await context.newPage();
        await page.goto(`${server.url}/index.html`);
        await page.setInputFiles("input[type=file]", issuesFile);
        const tab = page.getByRole("tab", { name: new RegExp(`^${m.tabs.issues} \\(`) });
        await tab.waitFor({ timeout: 60_000 });
        await tab.click();
        const panel = page.locator('[role="tabpanel"]:not([hidden])');

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
          const ranks = kinds.map((s) => SEVERITY_RANK[s ?? ""] ?? 9);
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
        await settled(page, shot("issues"));

        // Clicking an issue shows the cell with its neighbours; 采用建议 copies the suggestion and says so.
        const a4 = panel
          .locator('[data-sheet="1-9月完成情况"] li')
          .filter({ hasText: /^A4/ })
          .first();
        await a4.getByRole("button").first().click();
        const preview = page.getByTestId("cell-preview");
        await expectInView(page, preview.locator('[aria-current="true"]'));
        await expect(preview.locator('[aria-current="true"]').textContent()).resolves.toBe(
          "朝阳去"
        );
        expect(await preview.locator("tbody tr").count()).toBeGreaterThan(3);
        await a4.getByRole("button", { name: m.issues.adoptFor("朝阳区", "A4") }).click();
        await panel.getByText(m.issues.adopted("朝阳区", ["A4"])).waitFor();
        await settled(page, shot("issue-preview"));

        // Collapsible: a sheet's findings fold under its heading.
        const sheetHeader = panel.locator('[data-sheet="1-9月完成情况"] button').first();
        await sheetHeader.click();
        await page.waitForFunction(
          () => document.querySelectorAll('[data-sheet="1-9月完成情况"] [data-kind]').length === 0
        );
        await sheetHeader.click();
        await panel.locator('[data-sheet="1-9月完成情况"] [data-kind]').first().waitFor();
        await context.close();
      });
    }
  }
});
