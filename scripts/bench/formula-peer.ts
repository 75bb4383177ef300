/**
 * The spreadsheet-formula way staff compute a ranking today (COUNTIFS/SUMIFS/RANK over the ledger),
 * shared by the HyperFormula and LibreOffice peers. HyperFormula 3.5 has no RANK, so rank is
 * COUNTIF(range,">"&x)+1 for both peers.
 */
import { SIGNED_STAGES, type BenchDataset, type Row } from "./dataset";

export const LEDGER_SHEET = "台账";
export const SUMMARY_SHEET = "汇总";

/** One formula row per unit: actual signed count (> 3000万), actual funds, rates, score, rank. */
export function summaryFormulas(data: BenchDataset): Row[] {
  const n = data.ledger.length;
  const col = (c: string) => `'${LEDGER_SHEET}'!$${c}$2:$${c}$${n}`;
  const rows: Row[] = [
    [
      "责任单位",
      "目标签约",
      "完成签约",
      "目标资金",
      "完成资金",
      "签约完成率",
      "资金完成率",
      "得分",
      "排名",
    ],
  ];
  const last = data.units.length + 1;
  data.units.forEach((unit, i) => {
    const r = i + 2;
    const target = data.targets[i + 1] ?? [];
    const signed = SIGNED_STAGES.map(
      (s) => `COUNTIFS(${col("B")},A${r},${col("C")},"${s}",${col("D")},">3000")`
    ).join("+");
    rows.push([
      unit,
      target[1] ?? 0,
      `=${signed}`,
      target[2] ?? 0,
      `=SUMIFS(${col("E")},${col("B")},A${r})`,
      `=C${r}/B${r}`,
      `=E${r}/D${r}`,
      `=50*MIN(F${r},1.2)+50*MIN(G${r},1.2)`,
      `=COUNTIF($H$2:$H$${last},">"&H${r})+1`,
    ]);
  });
  return rows;
}
