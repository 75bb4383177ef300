import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { chromiumAvailable, launchBrowser, screenshot, seriousA11yViolations } from "./support/browser";
import { serveFolder, type StaticServer } from "./support/static-server";

const DIST = join(__dirname, "..", "..", "dist");
const ready = chromiumAvailable() && existsSync(join(DIST, "index.html"));
if (!ready && process.env.CI) throw new Error(`browser tests need ${"/usr/bin/chromium"} and a build in ${DIST}`);
const describeIfReady = ready ? describe : describe.skip;

describeIfReady("standalone web page in chromium", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveFolder(DIST);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ["zh-CN", "en-US"] as const) {
    for (const width of [320, 1280]) {
      it(`renders in ${locale} at ${width}px with no request leaving the page's origin`, async () => {
        const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
        const page = await context.newPage();
        const foreign: string[] = [];
        page.on("request", (req) => {
          if (!req.url().startsWith(server.url) && !req.url().startsWith("data:") && !req.url().startsWith("blob:")) {
            foreign.push(req.url());
          }
        });
        await page.goto(`${server.url}/index.html`);
        await page.waitForSelector("h1");
        const heading = await page.textContent("h1");
        expect(heading).toBe(locale === "zh-CN" ? "招商考核助手" : "Investment Promotion Scorecard");
        await screenshot(page, `web-${locale}-${width}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(foreign).toEqual([]);
        await context.close();
      });
    }
  }
});
