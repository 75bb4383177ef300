import type { AssessmentResults } from "../model";
import { rankMoves } from "./rank-changes";
import { displayWidth } from "../plan/text-width";

function pad(text: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** The ranking as a plain-text table for the terminal (CJK-aware column alignment). */
export function formatRankingText(results: AssessmentResults): string {
  const head = [
    "排名",
    "单位",
    "总分",
    "等次",
    ...results.indicators.map((i) => i.name),
    results.grouping ? "组内名次变化" : "名次变化",
  ];
  const moves = rankMoves(results);
  const rows = [...results.units]
    .sort((a, z) => a.rank - z.rank)
    .map((u) => [
      String(u.rank),
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
  const widths = head.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? "")))
  );
  const numeric = (c: number) => c === 0 || c === 2 || (c >= 4 && c < head.length - 1);
  const line = (cells: readonly string[]) =>
    cells
      .map((t, c) => pad(t, widths[c] ?? 0, numeric(c)))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n") + "\n";
}
