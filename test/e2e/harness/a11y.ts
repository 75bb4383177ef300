import type { Page } from "playwright-core";

/**
 * axe-core's serious and critical violations on the task pane.
 *
 * Excluded, and nothing else: Fluent UI's TabList (via tabster) inserts focus-guard spans marked
 * `data-tabster-dummy` — tabindex=0 but aria-hidden by design, so axe reports them as "aria-hidden-focus".
 * They are never reached by a user (tabster moves focus on), so they are left out of the scan.
 */
export async function paneA11yViolations(
  page: Page
): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  const loaded = await page.evaluate(() => "axe" in globalThis);
  if (!loaded) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    interface AxeResult {
      violations: Array<{
        id: string;
        help: string;
        impact: string | null;
        nodes: Array<{ target: unknown[] }>;
      }>;
    }
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<AxeResult> } })
      .axe;
    const r = await axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(({ id, help, targets }) => ({ id, help, targets }));
}
