import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium; no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHOTS_DIR = join(__dirname, "..", "..", "..", "test-output", "screenshots");

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags chromium tries to reach Google's hosts at start.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. Fluent's TabList inserts
 * tabster focus guards (`[data-tabster-dummy]`, aria-hidden yet focusable by design, to trap focus); they are
 * excluded, and only they.
 */
export async function seriousA11yViolations(
  page: Page
): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  // Evaluated, not added as a <script>: the web page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const results = await page.evaluate(async () => {
    type AxeNode = { target: unknown[] };
    type AxeViolation = { id: string; help: string; impact: string | null; nodes: AxeNode[] };
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run({ include: [document], exclude: [["[data-tabster-dummy]"]] });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return results
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(({ id, help, targets }) => ({ id, help, targets }));
}
