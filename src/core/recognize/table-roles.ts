/**
 * Passes two and three for unit tables: each table's unit column, weighed against the labels the other sheets
 * hold, and each table's role (目标分解表, 完成情况表, or both in one).
 */
import type { Issue } from "../issues";
import type { SheetRole } from "../model";
import { issueAt } from "./issue";
import { tableKindFromWords } from "./sheet-kind";
import type { TableAnalysis, TableChoice, TableOutcome } from "./table-sheet";
import type { TableData } from "./unit-table";
import { agreement, unitColumnConfidence } from "./unit-column";

/** Agreement with another sheet's names counts this much against the header and shape score. */
const AGREEMENT_WEIGHT = 3;

export function chooseUnitColumns(
  tables: readonly TableAnalysis[],
  ledgerLabels: readonly ReadonlySet<string>[]
): Map<TableAnalysis, TableChoice> {
  const bestLabels = tables.map((t) => t.candidates[0]?.labels ?? new Set<string>());
  const choices = new Map<TableAnalysis, TableChoice>();
  tables.forEach((t, i) => {
    if (t.forcedUnitColumn !== null) {
      const named = t.candidates.find((c) => c.col === t.forcedUnitColumn) ?? null;
      choices.set(t, { unitColumn: t.forcedUnitColumn, confidence: 1, candidate: named });
      return;
    }
    const others = [...bestLabels.filter((_, j) => j !== i), ...ledgerLabels];
    const scored = t.candidates
      .map((c) => ({ c, agreed: agreement(c.labels, others) }))
      .sort(
        (a, b) =>
          b.c.score + AGREEMENT_WEIGHT * b.agreed - (a.c.score + AGREEMENT_WEIGHT * a.agreed) ||
          a.c.col - b.c.col
      );
    const best = scored[0];
    if (!best) return;
    // Names beside numbers, with no header saying "units", no indicator anyone knows and no other sheet
    // sharing the names, is a list (contacts, notes), not a unit table.
    if (
      t.forcedRole === null &&
      best.c.headerEvidence <= 0 &&
      best.agreed < 0.5 &&
      t.indicatorSignals === 0
    )
      return;
    choices.set(t, {
      unitColumn: best.c.col,
      confidence: unitColumnConfidence(
        best.c,
        best.agreed,
        scored[1]?.c ?? null,
        scored[1]?.agreed ?? 0
      ),
      candidate: best.c,
      alternative: scored[1]?.c ?? null,
    });
  });
  return choices;
}

/**
 * The role of each table read: what the user said, what the headers say (目标 / 完成 columns), what the name or
 * title says, points stated per indicator (targets); sheets that say nothing are the targets when none is yet, else
 * the actuals.
 */
export function assignRoles(
  tables: readonly TableAnalysis[],
  read: ReadonlyMap<TableAnalysis, TableOutcome>,
  issues: Issue[] = []
): Map<TableAnalysis, SheetRole> {
  const roles = new Map<TableAnalysis, SheetRole>();
  const plain: TableAnalysis[] = [];
  for (const t of tables) {
    const r = read.get(t);
    if (!r) continue;
    const words = t.forcedRole ?? tableKindFromWords(t.sheet.name, t.block.above);
    if (t.forcedRole === "targets" || t.forcedRole === "actuals" || t.forcedRole === "combined")
      roles.set(t, t.forcedRole);
    else if (r.read.kind !== "plain") roles.set(t, r.read.kind);
    else if (words === "last_year") roles.set(t, "other");
    else if (words === "targets" || words === "actuals") roles.set(t, words);
    // Points per indicator ("签约项目（10分）") are stated with the targets; a progress report does not restate them.
    else if (r.read.primary.indicators.some((i) => i.weight !== undefined)) roles.set(t, "targets");
    else plain.push(t);
  }
  const combinedTargets = tables.flatMap((t) => {
    const r = read.get(t);
    return roles.get(t) === "combined" && r ? [r.read.primary] : [];
  });
  const byOrder: TableAnalysis[] = [];
  for (const t of plain) {
    const data = read.get(t)?.read.primary;
    if (data && combinedTargets.some((c) => repeatsTargets(data, c))) {
      roles.set(t, "targets");
      continue;
    }
    const hasTargets = [...roles.values()].some((k) => k === "targets" || k === "combined");
    roles.set(t, hasTargets ? "actuals" : "targets");
    byOrder.push(t);
  }
  issues.push(...orderIssue(byOrder, roles));
  return roles;
}

/**
 * Two sheets alike (Sheet1 / Sheet2, no title, the same headers) that say nothing of which holds the targets: the
 * first is read as the targets, as a clerk lays them out, but a ranking that hinges on the tabs' order is said.
 */
function orderIssue(
  byOrder: readonly TableAnalysis[],
  roles: ReadonlyMap<TableAnalysis, SheetRole>
): Issue[] {
  const targets = byOrder.find((t) => roles.get(t) === "targets");
  const actuals = byOrder.find((t) => roles.get(t) === "actuals");
  if (!targets || !actuals) return [];
  const [a, b] = [targets.sheet.name, actuals.sheet.name];
  return [
    issueAt("role_by_order", "warning", a, targets.block.top, 0, {
      zh: `“${a}”和“${b}”都没有说明哪张是目标表（表名、标题和表头都没有“目标”“完成”等字样）：按顺序把“${a}”读作目标、“${b}”读作完成情况；如果相反，请在任务窗格“工作表”页或用 --role "${a}=actuals" 指定`,
      en: `neither "${a}" nor "${b}" says which holds the targets (no 目标 or 完成 in its name, title or headers): "${a}" is read as the targets by tab order and "${b}" as the actuals; if it is the other way round, set the roles in the task pane's Sheets tab or with --role "${a}=actuals"`,
    }),
  ];
}

/**
 * Whether a table that says nothing of itself holds a 通报's targets: one of its columns has, unit by unit, the
 * numbers of one of the 通报's target columns (at least three units, four in five alike). A sheet of targets
 * beside a 通报 that repeats some of them is the targets, whatever the order of the tabs.
 */
function repeatsTargets(plain: TableData, targets: TableData): boolean {
  const theirs = new Map(targets.units.map((u) => [u.key, u.values]));
  const keys = (d: TableData): string[] => d.indicators.map((i) => i.key);
  return keys(plain).some((pk) =>
    keys(targets).some((tk) => {
      let compared = 0;
      let alike = 0;
      for (const u of plain.units) {
        const a = u.values[pk]?.value ?? null;
        const b = theirs.get(u.key)?.[tk]?.value ?? null;
        if (a === null || b === null || a === 0) continue;
        compared++;
        if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))) alike++;
      }
      return alike >= 3 && alike >= 0.8 * compared;
    })
  );
}
