import { HyperFormula } from "hyperformula";
import type { BenchDataset } from "./dataset";
import { LEDGER_SHEET, SUMMARY_SHEET, summaryFormulas } from "./formula-peer";

/** Builds the workbook in HyperFormula and reads back the ranks: parse + evaluate, as a person's file would. */
export function runHyperFormula(data: BenchDataset): number[] {
  const hf = HyperFormula.buildFromSheets(
    { [LEDGER_SHEET]: data.ledger.map((r) => [...r]), [SUMMARY_SHEET]: summaryFormulas(data) },
    { licenseKey: "gpl-v3", maxRows: data.ledger.length + 10 }
  );
  const sheet = hf.getSheetId(SUMMARY_SHEET);
  if (sheet === undefined) throw new Error("summary sheet missing");
  const values = hf.getSheetValues(sheet);
  hf.destroy();
  return values.slice(1).map((row) => Number(row[8]));
}
