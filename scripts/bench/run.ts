/**
 * `npm run bench` (SPEC §8): the engine against the formula workbook staff use today, evaluated by
 * HyperFormula and by LibreOffice headless, on the same seeded 30-unit ledger; ratios from one run.
 * Options: --rows N (default 100000), --quick (skip the slow HyperFormula run at full size).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { assessWorkbook } from "../../src/core/assess";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { planOutputs } from "../../src/core/report";
import { buildDataset, type BenchDataset, type Row } from "./dataset";
import { runHyperFormula } from "./hyperformula-peer";
import { convertWithLibreOffice, sofficePath, writeFormulaWorkbook } from "./libreoffice-peer";

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf("--rows") + 1]) || 100_000;
const QUICK = args.includes("--quick");
const NOW = new Date("2025-01-05T00:00:00Z");

/** The same two indicators the formula workbook computes: 签约项目 (stage ≥ 签约, > 3000万元) and 到位资金. */
const BENCH_RULES = {
  period: { start: "2024-01-01", end: "2024-12-31", asOf: "2024-12-31" },
  cap: 1.2,
  indicators: [
    {
      key: "signed_total",
      name: "签约项目",
      unit: "个",
      weight: 50,
      source: "ledger",
      aggregate: {
        kind: "count",
        filter: { minStage: "签约", threshold: { amount: 3000, inclusive: false } },
      },
    },
    {
      key: "到位资金",
      name: "到位资金",
      unit: "万元",
      weight: 50,
      source: "ledger",
      aggregate: { kind: "sum", field: "fundsInPlace", filter: {} },
    },
  ],
} as const;

function sheet(name: string, rows: readonly Row[]): SheetGrid {
  return {
    name,
    hidden: false,
    rows,
    merges: [],
    numberFormats: new Map(),
    hiddenColumns: new Set(),
  };
}

function gridOf(data: BenchDataset): WorkbookGrid {
  const targets = data.targets.map((r, i) =>
    i === 0 ? ["责任单位", "签约项目(个)", "到位资金(万元)"] : r
  );
  return {
    source: "bench",
    sheets: [sheet("目标分解表", targets), sheet("项目台账", data.ledger)],
  };
}

function runEngine(data: BenchDataset): number[] {
  const assessment = assessWorkbook(gridOf(data), { now: NOW, rules: BENCH_RULES as never });
  planOutputs(assessment, { now: NOW });
  const byUnit = new Map(assessment.results?.units.map((u) => [u.unit, u.rank]) ?? []);
  return data.units.map((u) => byUnit.get(u) ?? -1);
}

function seconds(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(58)} ${value}\n`);
}

async function writeLedgerWorkbook(data: BenchDataset, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const targets = wb.addWorksheet("目标分解表");
  gridOf(data).sheets[0]?.rows.forEach((r) => targets.addRow([...r]));
  const ledger = wb.addWorksheet("项目台账");
  data.ledger.forEach((r) => ledger.addRow([...r]));
  await wb.xlsx.writeFile(path);
}

async function main(): Promise<void> {
  process.stdout.write(
    `Benchmark: ${ROWS.toLocaleString("en")} ledger rows, 30 units (node ${process.version})\n\n`
  );
  const data = buildDataset(ROWS);

  // Engine, in memory: recognise + validate + score + rank + WritePlan. Median of 5 after a warm-up.
  runEngine(data);
  const engineRanks = runEngine(data);
  const engine = median(Array.from({ length: 5 }, () => seconds(() => runEngine(data))));
  line("engine (recognise+validate+assess+WritePlan), median of 5", `${engine.toFixed(3)} s`);
  for (const n of [ROWS / 4, ROWS / 2]) {
    const part = buildDataset(n);
    runEngine(part);
    const t = median(Array.from({ length: 3 }, () => seconds(() => runEngine(part))));
    line(
      `  linearity: ${n.toLocaleString("en")} rows`,
      `${t.toFixed(3)} s (${((t / engine) * 100).toFixed(0)}% of full)`
    );
  }

  // HyperFormula: same formulas staff write (COUNTIFS/SUMIFS/COUNTIF rank).
  const hfRows = QUICK ? Math.min(ROWS, 20_000) : ROWS;
  const hfData = hfRows === ROWS ? data : buildDataset(hfRows);
  let hfRanks: number[] = [];
  const hf = seconds(() => {
    hfRanks = runHyperFormula(hfData);
  });
  const engineAtHf =
    hfRows === ROWS
      ? engine
      : median(Array.from({ length: 3 }, () => seconds(() => runEngine(hfData))));
  line(
    `HyperFormula 3.5 (${hfRows.toLocaleString("en")} rows, build + evaluate)`,
    `${hf.toFixed(3)} s  → engine is ${(hf / engineAtHf).toFixed(1)}× faster`
  );
  const sameRanks = hfRows === ROWS && hfRanks.every((r, i) => r === engineRanks[i]);
  line(
    "  same ranking as the engine",
    hfRows === ROWS ? String(sameRanks) : "(not compared at a different size)"
  );

  const soffice = sofficePath();
  if (!soffice) {
    line("LibreOffice", "not installed (bash scripts/install-system-deps.sh)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const formulas = join(dir, "formulas.xlsx");
  await writeFormulaWorkbook(data, formulas);
  const empty = join(dir, "empty.xlsx");
  await writeFormulaWorkbook(buildDataset(30), empty);
  convertWithLibreOffice(soffice, empty); // warm the disk cache
  const startup = median([0, 1, 2].map(() => convertWithLibreOffice(soffice, empty).seconds));
  const lo = convertWithLibreOffice(soffice, formulas);
  const loCompute = Math.max(lo.seconds - startup, 0.001);
  line(
    "LibreOffice headless recalculation (minus start-up)",
    `${loCompute.toFixed(3)} s  → engine is ${(loCompute / engine).toFixed(1)}× faster`
  );
  line("  LibreOffice start-up (empty conversion)", `${startup.toFixed(3)} s`);
  const loDiffers = lo.ranks.filter((r, i) => r !== engineRanks[i]).length;
  // COUNTIF(range,">"&x) turns x into text first; LibreOffice rounds it, so a unit can count itself as higher.
  line(
    "  same ranking as the engine",
    lo.ranks.length !== engineRanks.length
      ? "false (no ranks read back)"
      : loDiffers === 0
        ? "true"
        : `false: ${loDiffers} of ${engineRanks.length} ranks differ (">"&x compares a rounded text score)`
  );

  // File path: the CLI reading the .xlsx and assessing it, against LibreOffice converting the formula workbook.
  const ledgerFile = join(dir, "ledger.xlsx");
  await writeLedgerWorkbook(data, ledgerFile);
  const rulesFile = join(dir, "rules.json");
  writeFileSync(rulesFile, JSON.stringify(BENCH_RULES));
  const cli = join(__dirname, "..", "..", "bin", "scorecard.cjs");
  const runCli = () => {
    try {
      execFileSync(process.execPath, [cli, "assess", ledgerFile, "--json", "--rules", rulesFile], {
        stdio: "ignore",
        maxBuffer: 1 << 30,
      });
    } catch {
      // exit 1 = validation errors found: still a complete run
    }
  };
  runCli();
  const cliSeconds = median([0, 1, 2].map(() => seconds(runCli)));
  line(
    "scorecard assess on the .xlsx (start-up included), median of 3",
    `${cliSeconds.toFixed(3)} s`
  );
  line(
    "  vs LibreOffice converting the formula workbook (start-up included)",
    `${lo.seconds.toFixed(3)} s  → CLI is ${(lo.seconds / cliSeconds).toFixed(1)}× faster`
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
