/**
 * @jest-environment jsdom
 */
/**
 * The ES5 host guard (src/guard/host-guard.js): it must parse as ES5 (Trident runs nothing newer), and where the
 * engine cannot run the ES2022 bundles it replaces the pane with a zh/en message and makes the ribbon command
 * show it and complete. The browser test (test/e2e/host-guard.e2e.ts) runs the built pages in chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as acorn from "acorn";

const ROOT = join(__dirname, "..", "..");
const GUARD = readFileSync(join(ROOT, "src", "guard", "host-guard.js"), "utf8");

/** Runs the guard as an engine without ES2022 would: the syntax probe throws SyntaxError. */
function runGuard(modern: boolean): void {
  const RealFunction = globalThis.Function;
  const old = function (): never {
    throw new SyntaxError("Expected identifier");
  } as unknown as FunctionConstructor;
  const run = new RealFunction("Function", GUARD) as (f: FunctionConstructor) => void;
  run(modern ? RealFunction : old);
}

describe("host guard", () => {
  beforeEach(() => {
    // jsdom has no fetch; every supported webview does.
    Object.assign(window, { fetch: () => Promise.reject(new Error("offline")) });
    document.body.innerHTML = '<div id="container"></div>';
    delete (window as unknown as Record<string, unknown>).ScorecardHostGuard;
    delete (window as unknown as Record<string, unknown>).runAssessment;
  });

  it("is ES5, and both add-in pages load it before their bundle", () => {
    expect(() => acorn.parse(GUARD, { ecmaVersion: 5 })).not.toThrow();
    for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
      const html = readFileSync(join(ROOT, page), "utf8");
      expect(html).toContain('<script src="host-guard.js"></script>');
    }
  });

  it("does nothing where the engine runs ES2022", () => {
    runGuard(true);
    expect(document.getElementById("container")).not.toBeNull();
    expect(document.getElementById("unsupported-host")).toBeNull();
  });

  it("replaces the blank pane with a zh/en message naming the Office needed and the web page and CLI", () => {
    runGuard(false);
    expect(document.getElementById("container")).toBeNull();
    const text = document.getElementById("unsupported-host")?.textContent ?? "";
    expect(text).toContain("Microsoft 365 或 Office 2021");
    expect(text).toContain("Office 2016、Office 2019");
    expect(text).toContain("index.html");
    expect(text).toContain("scorecard");
    expect(text).toContain("Microsoft 365 or Office 2021 or later");
  });
});
