/** Fixture workbooks for the harness (written next to the bundle) and the CLI's verdict on them. */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..", "..", "..");
const CLI = join(ROOT, "bin", "scorecard.cjs");

export interface CliJson {
  sheets: Array<{ name: string; role: string }>;
  issues: Array<{ code: string; severity: string; sheet: string; cell: string }>;
  results: {
    period: { start: string; end: string; asOf: string };
    units: Array<{ unit: string; rank: number; score: number }>;
  };
}

/** `scorecard demo` → the bundled sample workbook, copied to `<dir>/sample.xlsx`. */
export async function writeSample(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "scorecard-e2e-"));
  try {
    await promisify(execFile)(process.execPath, [CLI, "demo", "--out", tmp]);
    const out = join(dir, "sample.xlsx");
    copyFileSync(join(tmp, "sample.xlsx"), out);
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The sample with one unit name on the actuals sheet mistyped (朝阳区 → 朝杨区): an unknown_unit issue. */
export async function writeTypoSample(sample: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.getWorksheet("完成情况表");
  if (!ws) throw new Error("the sample has no 完成情况表");
  let changed = 0;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === "朝阳区" && changed === 0) {
        cell.value = "朝杨区";
        changed++;
      }
    })
  );
  if (changed !== 1) throw new Error("the sample's 完成情况表 has no 朝阳区 to mistype");
  await wb.xlsx.writeFile(out);
}

/** `scorecard check|assess <file> --json …`, in a child process (exit 1 only means the file has errors). */
export function cliJson(args: string[]): Promise<CliJson> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args, "--json"],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (code !== 0 && code !== 1)
          return reject(new Error(`scorecard ${args.join(" ")}: ${stderr || String(error)}`));
        try {
          resolve(JSON.parse(stdout) as CliJson);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    );
  });
}
