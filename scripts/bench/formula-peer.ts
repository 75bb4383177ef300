/**
 * The spreadsheet-formula way staff compute a ranking today (COUNTIFS/SUMIFS over the ledger, then rates, score
 * and rank), shared by the HyperFormula and LibreOffice peers. Rank is SUMPRODUCT(--(scores>x))+1: exact on
 * numbers (COUNTIF(range,">"&x) turns x into text first, and LibreOffice rounds that text, so a unit could count
 * itself as higher), and HyperFormula 3.5 has no RANK.
 */
import {
  LEDGER_COLUMNS,
  SIGNED_STAGES,
  SIGNED_THRESHOLD,
  type BenchDataset,
  type Row,
} from "./dataset";

export const LEDGER_SHEET = "台账";
export const SUMMARY_SHEET = "汇总";

export const SUMMARY_HEADER = [
  "责任单位",
  "目标签约",
  "完成签约",
  "目标资金",
  "完成资金",
  "签约完成率",
  "资金完成率",
  "得分",
  "排名",
] as const;

/** Summary columns (0-based) the peers read back. */
export const SUMMARY_COLUMNS = { signedRate: 5, fundsRate: 6, score: 7, rank: 8 } as const;

/** What every peer must agree on, per unit in dataset order. */
export interface PeerFigures {
  readonly signedRate: readonly number[];
  readonly fundsRate: readonly number[];
  readonly rank: readonly number[];
}

/** One formula row per unit: actual signed count (> 3000万), actual funds, rates, score, rank. */
export function summaryFormulas(data: BenchDataset): Row[] {
  const n = data.ledger.length;
  const col = (c: string) => `'${LEDGER_SHEET}'!$${c}$2:$${c}$${n}`;
  const { unit, stage, investment, funds } = LEDGER_COLUMNS;
  const rows: Row[] = [[...SUMMARY_HEADER]];
  const last = data.units.length + 1;
  data.units.forEach((name, i) => {
    const r = i + 2;
    const target = data.targets[i + 1] ?? [];
    const signed = SIGNED_STAGES.map(
      (s) =>
        `COUNTIFS(${col(unit)},A${r},${col(stage)},"${s}",${col(investment)},">${SIGNED_THRESHOLD}")`
    ).join("+");
    rows.push([
      name,
      target[2] ?? 0,
      `=${signed}`,
      target[3] ?? 0,
      `=SUMIFS(${col(funds)},${col(unit)},A${r})`,
      `=C${r}/B${r}`,
      `=E${r}/D${r}`,
      // Rounded as the engine rounds a unit's score (4 decimals) before ranking: at 100k × 300 units two units
      // 0.00002 points apart tie in the engine and did not in the formulas.
      `=ROUND(50*MIN(F${r},1.2)+50*MIN(G${r},1.2),4)`,
      `=SUMPRODUCT(--($H$2:$H$${last}>H${r}))+1`,
    ]);
  });
  return rows;
}

/** Figures from evaluated summary rows (header excluded). */
export function figuresOf(rows: readonly (readonly unknown[])[]): PeerFigures {
  const num = (row: readonly unknown[], c: number) => Number(row[c]);
  return {
    signedRate: rows.map((r) => num(r, SUMMARY_COLUMNS.signedRate)),
    fundsRate: rows.map((r) => num(r, SUMMARY_COLUMNS.fundsRate)),
    rank: rows.map((r) => num(r, SUMMARY_COLUMNS.rank)),
  };
}

/** The engine reports rates rounded to 6 decimals; formulas keep full precision. */
const RATE_TOLERANCE = 5.000001e-7;

/**
 * Where two peers disagree (rates to the engine's 6 decimals, ranks exactly), as readable lines; empty when they agree.
 * `units` names the rows.
 */
export function disagreements(
  units: readonly string[],
  a: PeerFigures,
  b: PeerFigures,
  names: readonly [string, string]
): string[] {
  const out: string[] = [];
  const close = (x: number, y: number) =>
    Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= RATE_TOLERANCE;
  units.forEach((unit, i) => {
    const pairs: [string, number | undefined, number | undefined, boolean][] = [
      ["签约完成率", a.signedRate[i], b.signedRate[i], false],
      ["资金完成率", a.fundsRate[i], b.fundsRate[i], false],
      ["排名", a.rank[i], b.rank[i], true],
    ];
    for (const [what, x, y, exact] of pairs) {
      const same = x !== undefined && y !== undefined && (exact ? x === y : close(x, y));
      if (!same) out.push(`${unit} ${what}: ${names[0]} ${String(x)} ≠ ${names[1]} ${String(y)}`);
    }
  });
  return out;
}
