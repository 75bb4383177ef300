import type { AssessmentResults, UnitResult } from "../model";
import { groupSections } from "./group-sections";
import { rankMoves } from "./rank-changes";
import { displayWidth } from "../plan/text-width";

function pad(text: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * The ranking as a plain-text table for the terminal (CJK-aware column alignment); a grouped ranking prints each
 * 类别 under its own heading with ranks within the group, as the 考核排名 sheet does.
 */
export function formatRankingText(results: AssessmentResults): string {
  const grouped = results.grouping;
  const head = [
    grouped ? "组内排名" : "排名",
    "单位",
    "总分",
    "等次",
    ...results.indicators.map((i) => i.name),
    results.grouping ? "组内名次变化" : "名次变化",
  ];
  const moves = rankMoves(results);
  const sections = groupSections(results);
  const rowsOf = (units: readonly UnitResult[]) =>
    units.map((u) => [
      String(grouped ? (u.groupRank ?? u.rank) : u.rank),
      u.unit,
      u.score.toFixed(2),
      u.grade,
      ...results.indicators.map((i) => {
        const r = u.indicators[i.key];
        const band = results.bands.find((b) => b.status === r?.status);
        if (r?.rate === null || r?.rate === undefined) return band?.label_zh ?? "—";
        return `${band?.symbol ?? ""}${(r.rate * 100).toFixed(1)}%`;
      }),
      moves.get(u.unit)?.text ?? "—",
    ]);
  const rows = sections.flatMap((sec) => rowsOf(sec.units));
  const widths = head.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? "")))
  );
  const numeric = (c: number) => c === 0 || c === 2 || (c >= 4 && c < head.length - 1);
  const line = (cells: readonly string[]) =>
    cells
      .map((t, c) => pad(t, widths[c] ?? 0, numeric(c)))
      .join("  ")
      .trimEnd();
  if (!grouped) return [line(head), ...rows.map(line)].join("\n") + "\n";
  return (
    [
      line(head),
      ...sections.flatMap((sec) => [
        `【${sec.group}】（${sec.units.length}个）`,
        ...rowsOf(sec.units).map(line),
      ]),
    ].join("\n") + "\n"
  );
}

/** 红榜 / 黑榜 for the terminal: per 类别 when grouped (units are compared within their group), else overall. */
export function honourText(results: AssessmentResults): string[] {
  const { honour } = results;
  const lists = (red: readonly string[], black: readonly string[], prefix = "") => [
    ...(red.length ? [`${prefix}红榜 / top: ${red.join("、")}`] : []),
    ...(black.length ? [`${prefix}黑榜 / bottom: ${black.join("、")}`] : []),
  ];
  if (!results.grouping || !honour.byGroup) return lists(honour.red, honour.black);
  const byGroup = honour.byGroup;
  return groupSections(results).flatMap(({ group }) => {
    const l = byGroup[group];
    return l ? lists(l.red, l.black, `${group} `) : [];
  });
}
