import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BenchDataset, Row } from "./dataset";
import { LEDGER_SHEET, SUMMARY_SHEET, summaryFormulas } from "./formula-peer";

export function sofficePath(): string | null {
  for (const candidate of [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function addRows(sheet: ExcelJS.Worksheet, rows: readonly Row[]): void {
  for (const row of rows) {
    sheet.addRow(
      row.map((v) => (typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v))
    );
  }
}

/** Writes the formula workbook with no cached values, so LibreOffice must compute every formula on load. */
export async function writeFormulaWorkbook(data: BenchDataset, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  addRows(wb.addWorksheet(LEDGER_SHEET), data.ledger);
  addRows(wb.addWorksheet(SUMMARY_SHEET), summaryFormulas(data));
  await wb.xlsx.writeFile(path);
}

/**
 * Converts the summary sheet (sheet 2) to CSV with a fresh profile; returns wall seconds and the ranks read
 * back, so a peer that computed nothing cannot look fast.
 */
export function convertWithLibreOffice(
  soffice: string,
  xlsx: string
): { seconds: number; ranks: number[] } {
  const out = mkdtempSync(join(tmpdir(), "bench-lo-"));
  const profile = mkdtempSync(join(tmpdir(), "bench-lo-profile-"));
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2";
  const started = process.hrtime.bigint();
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      out,
      xlsx,
    ],
    {
      stdio: "ignore",
    }
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const csvName = xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, "");
  const csvFile = [join(out, `${csvName}-${SUMMARY_SHEET}.csv`), join(out, `${csvName}.csv`)].find(
    existsSync
  );
  const ranks = csvFile
    ? readFileSync(csvFile, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => Number(line.split(",")[8]))
    : [];
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
  return { seconds, ranks };
}
