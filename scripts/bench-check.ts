/**
 * Times recognise + validate on a 100,000-row ledger with 30 units (SPEC §8: well under 1 s).
 * Run: npx tsx scripts/bench-check.ts [rows]
 */
import type { CellValue, SheetGrid, WorkbookGrid } from "../src/core/grid";
import { recognizeWorkbook } from "../src/core/recognize";
import { collectIssues, defaultValidationContext } from "../src/core/validate";

const ROWS = Number(process.argv[2] ?? 100_000);
const UNITS = Array.from({ length: 30 }, (_, i) => `第${i + 1}区`);
const STAGES = ["线索", "在谈", "签约", "注册", "开工", "投产"];

function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return {
    name,
    hidden: false,
    rows,
    merges: [],
    numberFormats: new Map(),
    hiddenColumns: new Set(),
  };
}

/** Deterministic pseudo-random numbers, so every run times the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function buildGrid(): WorkbookGrid {
  const rnd = lcg(42);
  const targets: CellValue[][] = [
    ["责任单位", "实际利用内资(亿元)", "签约项目数"],
    ...UNITS.map((u) => [u, 10, 30]),
  ];
  const ledger: CellValue[][] = [
    [
      "序号",
      "项目名称",
      "责任单位",
      "投资方",
      "产业类别",
      "总投资(万元)",
      "到位资金(万元)",
      "项目阶段",
      "签约日期",
      "开工日期",
      "是否工业项目",
      "备注",
    ],
  ];
  for (let i = 0; i < ROWS; i++) {
    const signed = new Date(Date.UTC(2023, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
    const started = rnd() < 0.3 ? new Date(signed.getTime() + 30 * 86_400_000) : null;
    ledger.push([
      i + 1,
      `项目${i}`,
      UNITS[i % UNITS.length] as string,
      `投资方${i % 977}`,
      i % 3 === 0 ? "装备制造" : "现代服务业",
      Math.round(rnd() * 100_000),
      rnd() < 0.05 ? "1,200" : Math.round(rnd() * 5000),
      STAGES[Math.floor(rnd() * STAGES.length)] as string,
      rnd() < 0.5
        ? signed
        : `${signed.getUTCFullYear()}-${signed.getUTCMonth() + 1}-${signed.getUTCDate()}`,
      started,
      rnd() < 0.5 ? "是" : "否",
      null,
    ]);
  }
  return {
    source: "bench.xlsx",
    sheets: [sheet("目标分解表", targets), sheet("项目台账", ledger)],
  };
}

const grid = buildGrid();
const context = defaultValidationContext(new Date("2023-12-31T00:00:00Z"));
const times: number[] = [];
let issues = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  const recognition = recognizeWorkbook(grid);
  issues = collectIssues(recognition, context).length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
process.stdout.write(
  `recognise + validate, ${ROWS.toLocaleString("en")} ledger rows × 12 columns, 30 units: ` +
    `median ${times[2]?.toFixed(0)} ms (best ${times[0]?.toFixed(0)} ms, first ${times[4]?.toFixed(0)} ms); ${issues} issues\n`
);
