/**
 * The built task pane and commands pages where the webview cannot run the ES2022 bundles (Office 2016/2019's
 * Trident, old EdgeHTML): the ES5 host guard shows a zh/en message instead of a blank pane, and the ribbon command
 * opens the same message and completes. Chromium stands in for the old engine: the guard's ES2022 syntax probe
 * throws SyntaxError (an init script), and the bundles fail to parse, as both do in Trident.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launchBrowser, screenshot } from "./support/browser";
import { serveFolder, type StaticServer } from "./support/static-server";

const DIST = join(__dirname, "..", "..", "dist");
const ready = chromiumAvailable() && existsSync(join(DIST, "taskpane.html"));
if (!ready && process.env.CI) throw new Error(`browser tests need chromium and a build in ${DIST}`);
const describeIfReady = ready ? describe : describe.skip;

/** office.js stand-in: records what the page asks of Office; onReady never fires (no Excel here). */
const OFFICE_STUB = `
  window.__office = { associated: {}, dialogs: [] };
  window.Office = {
    onReady: function (cb) { (window.__office.ready = window.__office.ready || []).push(cb); return new Promise(function () {}); },
    actions: { associate: function (name, fn) { window.__office.associated[name] = fn; } },
    context: { displayLanguage: "zh-CN", ui: { displayDialogAsync: function (url, opts, cb) {
      window.__office.dialogs.push(url); cb({ status: "failed" }); } } },
  };`;

/** Makes the guard's ES2022 probe fail as it does in an ES5 engine; everything else keeps the real Function. */
const OLD_ENGINE = `
  (function () {
    var Real = Function;
    var Old = function () {
      var src = String(arguments[arguments.length - 1]);
      if (src.indexOf("static #p") >= 0) throw new SyntaxError("Expected identifier");
      return Real.apply(this, arguments);
    };
    Old.prototype = Real.prototype;
    window.Function = Old;
  })();`;

describeIfReady("host guard in chromium over the built pages", () => {
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

  async function open(
    page: string,
    oldEngine: boolean
  ): Promise<{ page: Page; foreign: string[] }> {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await context.newPage();
    const foreign: string[] = [];
    await p.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB })
    );
    p.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(server.url) && !url.startsWith("https://appsforoffice.microsoft.com/"))
        foreign.push(url);
    });
    if (oldEngine) {
      await p.addInitScript(OLD_ENGINE);
      // What Trident makes of an ES2022 bundle: a SyntaxError, nothing runs.
      await p.route(/\/(taskpane|commands)\.[0-9a-f]+\.js$/, (route) =>
        route.fulfill({ contentType: "text/javascript", body: "class A { static { } }\n(;" })
      );
    }
    await p.goto(`${server.url}/${page}`);
    await p.waitForLoadState("load");
    return { page: p, foreign };
  }

  it("a modern engine gets the pane, not the message", async () => {
    const { page } = await open("taskpane.html", false);
    expect(await page.$("#unsupported-host")).toBeNull();
    expect(await page.$("#container")).not.toBeNull();
    await page.context().close();
  });

  it("an ES5 engine gets a zh/en message naming the Office needed, the web page and the CLI", async () => {
    const { page, foreign } = await open("taskpane.html", true);
    const message = page.locator("#unsupported-host");
    await message.waitFor();
    const text = await message.textContent();
    expect(text).toContain("此版本的 Office 无法运行招商考核助手");
    expect(text).toContain("This version of Office cannot run Investment Promotion Scorecard");
    expect(text).toContain(`${server.url}/index.html`);
    expect(text).toContain("scorecard");
    expect(await page.$("#container")).toBeNull();
    expect(foreign).toEqual([]);
    await screenshot(page, "host-guard-taskpane");
    await page.context().close();
  });

  it("an ES5 engine's ribbon command opens the message and completes its event", async () => {
    const { page } = await open("commands.html", true);
    const outcome = await page.evaluate(async () => {
      const office = (
        window as unknown as {
          __office: {
            ready?: Array<() => void>;
            associated: Record<string, (e: unknown) => void>;
            dialogs: string[];
          };
        }
      ).__office;
      for (const ready of office.ready ?? []) ready();
      let completed = 0;
      office.associated.runAssessment?.({ completed: () => completed++ });
      return { dialogs: office.dialogs, completed, registered: Object.keys(office.associated) };
    });
    expect(outcome.registered).toEqual(["runAssessment"]);
    expect(outcome.dialogs).toEqual([`${server.url}/unsupported.html`]);
    expect(outcome.completed).toBe(1);
    await page.context().close();
  });

  it("the message page opened from the ribbon shows the message in any engine", async () => {
    const { page } = await open("unsupported.html", false);
    expect(await page.locator("#unsupported-host").textContent()).toContain(
      "Office 2016、Office 2019"
    );
    await page.context().close();
  });
});
