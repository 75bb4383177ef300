/** The benchmark's report as Markdown tables (what BENCHMARKS.md quotes): ratios first, absolute figures after. */
import { perRowGrowth, ratiosOf, TARGETS } from "./budgets";
import type { BundleReport } from "./bundle-sizes";
import { PHASES } from "./engine-phases";
import { formatSpread, type Step, type Timing } from "./stats";
import { isFailed, type BenchRow } from "./types";

export interface ReportInput {
  readonly machine: string;
  readonly quick: boolean;
  readonly rows: readonly BenchRow[];
  readonly bundle: BundleReport | null;
  readonly bundleBudgetKb: number;
  readonly targets: typeof TARGETS;
  readonly failures: readonly string[];
  readonly seconds: number;
  readonly cache: string;
  /** The run's own wall and CPU time by step (children included). */
  readonly steps: readonly Step[];
  /** os.loadavg() at the start and at the end of the run: how shared the machine was. */
  readonly load: readonly [readonly number[], readonly number[]];
}

const out = (line = "") => process.stdout.write(`${line}\n`);

function table(head: readonly string[], body: readonly (readonly string[])[]): void {
  out(`| ${head.join(" | ")} |`);
  out(`|${head.map(() => "---").join("|")}|`);
  for (const row of body) out(`| ${row.join(" | ")} |`);
  out();
}

const size = (r: BenchRow) => `${r.rows.toLocaleString("en")} × ${r.units}`;
const ratio = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)}×`);
const mb = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? "—" : `${x.toFixed(0)} MB`;
const s = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} ms` : `${x.toFixed(2)} s`);

function agreementCell(lines: string[] | null): string {
  if (lines === null) return "not run";
  return lines.length === 0 ? "yes" : `**NO** (${lines.length})`;
}

/** "CPU 12.0× · wall 9.1×". */
const both = (cpu: number | null, wall: number | null) =>
  cpu === null && wall === null ? "—" : `${ratio(cpu)} · ${ratio(wall)}`;
/** A timing as "cpu (wall)". */
const cpuWall = (t: Timing) => `${formatSpread(t.cpu)} · wall ${formatSpread(t.wall)}`;

function ratiosTable(rows: readonly BenchRow[]): void {
  out(
    "### Agreement and ratios (same data, same run; how many times faster the engine is, CPU · wall)"
  );
  out();
  table(
    [
      "rows × units",
      "HyperFormula agrees",
      "LibreOffice agrees",
      "engine vs HyperFormula",
      "engine vs LibreOffice recalc",
      "CLI vs LibreOffice end to end",
    ],
    rows.map((r) => {
      const c = ratiosOf(r, "cpu");
      const w = ratiosOf(r, "wall");
      return [
        size(r),
        agreementCell(r.disagree.hf),
        agreementCell(r.disagree.lo),
        both(c.engineVsHf, w.engineVsHf),
        c.loInNoise && w.loInNoise ? "within start-up noise" : both(c.engineVsLo, w.engineVsLo),
        both(c.cliVsLo, w.cliVsLo),
      ];
    })
  );
}

function phasesTable(rows: readonly BenchRow[]): void {
  out("### Phases, CPU time median (min–max, n) — machine-dependent");
  out();
  table(
    ["rows × units", "file", ...PHASES, "engine (recognise…plan)", "engine wall", "issues"],
    rows.map((r) => [
      size(r),
      `${r.fileMb.toFixed(1)} MB`,
      ...PHASES.map((p) => formatSpread(r.phases.phases[p].cpu)),
      formatSpread(r.phases.engine.cpu),
      formatSpread(r.phases.engine.wall),
      String(r.phases.issues),
    ])
  );
  out("### End to end and peers — machine-dependent");
  out();
  table(
    [
      "rows × units",
      "scorecard assess (e2e), CPU · wall",
      "LibreOffice convert (e2e)",
      "LibreOffice start-up",
      "HyperFormula build+eval",
      "peak RSS: engine proc / CLI / HyperFormula / LibreOffice",
    ],
    rows.map((r) => [
      size(r),
      r.cli ? cpuWall(r.cli.seconds) : "—",
      r.lo ? cpuWall(r.lo.seconds) : "—",
      r.loStartup ? cpuWall(r.loStartup) : "—",
      r.hf === null
        ? "—"
        : isFailed(r.hf)
          ? `failed: ${r.hf.error.slice(0, 80)}`
          : cpuWall(r.hf.seconds),
      [
        mb(r.phases.peakRssMb),
        mb(r.cli?.rssMb),
        r.hf && !isFailed(r.hf) ? mb(r.hf.peakRssMb) : "—",
        mb(r.lo?.rssMb),
      ].join(" / "),
    ])
  );
}

function scalingTable(rows: readonly BenchRow[]): void {
  out("### Scaling: CPU time per row (µs) — machine-dependent; growth between sizes");
  out();
  const us = (t: number, n: number) => ((t / n) * 1e6).toFixed(2);
  table(
    ["rows × units", "engine µs/row", "read µs/row", "write µs/row", "CLI e2e µs/row"],
    rows.map((r) => [
      size(r),
      us(r.phases.engine.cpu.median, r.rows),
      us(r.phases.phases.read.cpu.median, r.rows),
      us(r.phases.phases.write.cpu.median, r.rows),
      r.cli ? us(r.cli.seconds.cpu.median, r.rows) : "—",
    ])
  );
  const growth = perRowGrowth(rows);
  if (growth.length > 0) {
    for (const g of growth)
      out(
        `- engine per row ${size(g.from)} → ${size(g.to)}: ${g.growth.toFixed(2)}×${g.growth > 1.25 ? "  **super-linear?**" : ""}`
      );
    out();
  }
}

function officeTable(rows: readonly BenchRow[]): void {
  const measured = rows.filter((r) => r.office && !isFailed(r.office));
  if (measured.length === 0) return;
  out("### Office.js costs through the Excel API emulator (exact counts)");
  out();
  const kb = (x: number) => `${x.toFixed(0)} KB`;
  table(
    [
      "rows × units",
      "read syncs",
      "read request / response",
      "write syncs",
      "write request / response",
      "largest sync",
      "format calls / distinct styles",
      "number-format calls",
    ],
    measured.map((r) => {
      const o = r.office;
      if (!o || isFailed(o)) return [size(r)];
      return [
        size(r),
        String(o.read.syncs),
        `${kb(o.read.requestKb)} / ${kb(o.read.responseKb)}`,
        String(o.write.syncs),
        `${kb(o.write.requestKb)} / ${kb(o.write.responseKb)}`,
        kb(Math.max(o.read.maxSyncKb, o.write.maxSyncKb)),
        `${o.formatCalls} / ${o.distinctStyles}`,
        String(o.numberFormatCalls),
      ];
    })
  );
}

function bundleTable(bundle: BundleReport | null, budget: number): void {
  out("### Bundle (gzipped, from dist/)");
  out();
  if (!bundle) {
    out("no build in dist/ — run `npm run build` first");
    out();
    return;
  }
  table(
    ["page", "initial JS", "budget", "files"],
    Object.entries(bundle.initial).map(([page, b]) => [
      page,
      `${b.kb.toFixed(1)} KB`,
      `${budget} KB`,
      b.files.join(", "),
    ])
  );
  table(
    ["lazy chunk", "gzipped"],
    bundle.chunks.map((c) => [c.file, `${c.kb.toFixed(1)} KB`])
  );
}

function targetsList(rows: readonly BenchRow[]): void {
  const at = rows.find((r) => r.rows === TARGETS.rows && r.units === 30);
  const biggest = [...rows].sort((a, b) => b.rows - a.rows)[0];
  // Judged by CPU-time ratios: on a shared machine a niced peer's wall time is mostly waiting for a core (one
  // LibreOffice conversion took 14 s and another 141 s of wall for the same 7 s of CPU), and that wait says
  // nothing about either program. Wall ratios are shown beside them.
  out("### Targets (issue 18; judged by CPU-time ratios, wall in brackets)");
  out();
  if (at) {
    const x = ratiosOf(at, "cpu");
    const w = ratiosOf(at, "wall");
    const mark = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "**missed**");
    const judge = (value: number | null, wall: number | null, min: number) =>
      `${ratio(value)} (${ratio(wall)}) — ${mark(value === null ? null : value >= min)}`;
    const e = at.phases.engine;
    out(
      `- engine on ${TARGETS.rows.toLocaleString("en")} rows ≤ ${s(TARGETS.engineSeconds)}: CPU ${s(e.cpu.median)}, wall ${s(e.wall.median)} — ${mark(e.cpu.median <= TARGETS.engineSeconds)} (machine-dependent)`
    );
    out(
      `- engine ≥ ${TARGETS.engineVsHf}× HyperFormula: ${judge(x.engineVsHf, w.engineVsHf, TARGETS.engineVsHf)}`
    );
    out(
      `- engine ≥ ${TARGETS.engineVsLo}× LibreOffice recalculation: ${judge(x.engineVsLo, w.engineVsLo, TARGETS.engineVsLo)}`
    );
    out(
      `- scorecard assess ≥ ${TARGETS.cliVsLo}× LibreOffice end to end: ${judge(x.cliVsLo, w.cliVsLo, TARGETS.cliVsLo)}`
    );
  }
  if (biggest?.cli)
    out(
      `- ${biggest.rows.toLocaleString("en")} rows within ${TARGETS.maxRssMb} MB: scorecard assess peaked at ${mb(biggest.cli.rssMb)} — ${biggest.cli.rssMb <= TARGETS.maxRssMb ? "met" : "**missed**"}`
    );
  out();
}

function stepsTable(steps: readonly Step[]): void {
  out(
    "### The run's own time by step (wall · CPU of the run and its children) — machine-dependent"
  );
  out();
  table(
    ["step", "wall", "CPU"],
    steps.map((x) => [x.label, s(x.wall), Number.isFinite(x.cpu) ? s(x.cpu) : "—"])
  );
}

export function printReport(r: ReportInput): void {
  out(`## Benchmark ${r.quick ? "(--quick)" : ""}`);
  out();
  const load = (xs: readonly number[]) => xs.map((x) => x.toFixed(1)).join(" ");
  out(
    `Machine: ${r.machine}. Files cached in ${r.cache}. Run took ${s(r.seconds)}; load average (1, 5, 15 min) ${load(r.load[0])} at the start, ${load(r.load[1])} at the end.`
  );
  out();
  ratiosTable(r.rows);
  phasesTable(r.rows);
  scalingTable(r.rows);
  officeTable(r.rows);
  bundleTable(r.bundle, r.bundleBudgetKb);
  if (!r.quick) targetsList(r.rows);
  stepsTable(r.steps);
  if (r.failures.length > 0) {
    out("### FAILED");
    for (const f of r.failures) out(`- ${f}`);
  } else out("All peers agree; every budget holds.");
}
