/**
 * Cases that need real processes or real sizes: a 1,000,000-row ledger, full-size bombs, SIGKILL at every phase of a
 * write, concurrent runs. Run by scripts/hostile-slow.ts (spawned CLI, timeouts, peak memory), not in npm test.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildDataset } from "../../scripts/bench/dataset";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { deflateRepeated, editedPackage } from "../workbook/exceljs/read-helpers";
import { bookBytes, check, scorecardBook, type HostileCase } from "./case";
import { clean, fileState, runAndKill, runSpawned, type CliResult } from "./cli-run";

/** Measurements the slow script prints beside each case (time, peak memory). */
export const MEASURED: CliResult[] = [];

const GiB = 1024 ** 3;

function spawned(
  args: readonly string[],
  exit: readonly number[],
  timeoutMs: number,
  maxMiB?: number
): CliResult {
  const r = runSpawned(args, { timeoutMs });
  MEASURED.push(r);
  const show = `scorecard ${args.join(" ")} → exit ${String(r.code)} ${r.signal ?? ""} in ${r.ms} ms, ${r.peakMiB ?? "?"} MiB\n${r.stderr.slice(0, 300)}`;
  check(r.signal === null || r.signal === undefined, `killed (timeout ${timeoutMs} ms): ${show}`);
  check(exit.includes(r.code ?? -1), `exit code: ${show}`);
  check(clean(r).length === 0, `${clean(r).join("; ")}: ${show}`);
  if (maxMiB !== undefined && r.peakMiB !== undefined)
    check(r.peakMiB <= maxMiB, `peak memory over ${maxMiB} MiB: ${show}`);
  return r;
}

/** A ledger of `rows` projects over 30 units and its targets, written by ExcelJS's streaming writer. */
export async function writeLedgerFile(path: string, rows: number): Promise<void> {
  const data = buildDataset(rows);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const targets = writer.addWorksheet("目标分解表");
  for (const r of data.targets) targets.addRow([...r]).commit();
  targets.commit();
  const ledger = writer.addWorksheet("项目台账");
  data.ledger.forEach((r, i) => {
    ledger
      .addRow(
        i === 0 ? [...r] : r.map((v, c) => (c === 5 ? new Date(`${String(v)}T00:00:00Z`) : v))
      )
      .commit();
  });
  ledger.commit();
  await writer.commit();
}

/** Every invariant a killed write must keep: the input unchanged, the output absent, old or complete. */
async function killedWriteKeeps(dir: string, inPlace: boolean): Promise<string[]> {
  const input = join(dir, "ledger.xlsx");
  await writeLedgerFile(input, 30_000);
  const original = fileState(input);
  const out = join(dir, "out.xlsx");
  const phases: string[] = [];
  const tempThere = (): boolean => readdirSync(dir).some((f) => f.endsWith(".tmp"));
  const kills: { afterMs?: number; when?: () => boolean }[] = [
    { afterMs: 0 },
    { afterMs: 300 },
    { afterMs: 900 },
    { afterMs: 1800 },
    { afterMs: 3000 },
    { when: tempThere },
  ];
  for (const kill of kills) {
    const args = inPlace
      ? ["assess", input, "--in-place"]
      : ["assess", input, "--out", out, "--force"];
    const r = await runAndKill(args, kill);
    phases.push(
      r.killed
        ? kill.when
          ? "killed while the temporary file was written"
          : `killed after ${kill.afterMs} ms`
        : `finished (exit ${r.code})`
    );
    const now = fileState(input);
    if (!inPlace) check(now === original, "the input changed under --out");
    // The file at the output path is never half a workbook: it is absent, the original, or reads as a whole.
    const target = inPlace ? input : out;
    if (existsSync(target) && fileState(target) !== original) {
      const grid = await readWorkbookFile(target);
      check(
        grid.sheets.some((s) => s.name === "项目台账") && !grid.readNotes?.length,
        `${target} is damaged after a kill`
      );
    }
  }
  return phases;
}

export const PROCESS_CASES: HostileCase[] = [
  {
    id: "R01",
    category: "1M rows",
    slow: true,
    input: "a 1,000,000-row 项目台账 (30 units, 13 columns, 46 MB)",
    expected:
      "assess --json and assess --out finish within 2 GiB peak memory (was: heap out of memory after ~150 s)",
    run: async (dir) => {
      const path = join(dir, "million.xlsx");
      await writeLedgerFile(path, 1_000_000);
      spawned(["assess", path, "--as-of", "2024-12-31", "--json"], [0, 1], 900_000, 2048);
      spawned(
        ["assess", path, "--as-of", "2024-12-31", "--out", join(dir, "million.out.xlsx")],
        [0, 1],
        900_000,
        2048
      );
    },
  },
  {
    id: "R02",
    category: "1M rows",
    slow: true,
    input: "a 100,000-row ledger through check and assess --out",
    expected: "both finish; peak memory reported",
    run: async (dir) => {
      const path = join(dir, "ledger100k.xlsx");
      await writeLedgerFile(path, 100_000);
      spawned(["check", path], [0, 1], 300_000, 1024);
      spawned(["assess", path, "--out", join(dir, "ledger100k.out.xlsx")], [0, 1], 300_000, 1024);
    },
  },
  {
    id: "B10",
    category: "bomb",
    slow: true,
    input: "a 1 GiB sheet of spaces deflated to about 1 MB, sizes declared truthfully",
    expected: "exit 2 at once from the compression ratio, nothing inflated; little memory",
    run: async (dir) => {
      const path = join(dir, "gigabomb.xlsx");
      const sheet = await deflateRepeated(
        "xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>",
        " ",
        GiB,
        "</sheetData></worksheet>"
      );
      writeFileSync(path, await editedPackage(await bookBytes(), {}, [sheet]));
      spawned(["check", path], [2], 60_000, 512);
    },
  },
  {
    id: "B11",
    category: "bomb",
    slow: true,
    input: "a sheet declaring 64 KiB that inflates to 256 MiB (sizes lie)",
    expected: "exit 2 at the first byte past the declared size; little memory",
    run: async (dir) => {
      const path = join(dir, "liar.xlsx");
      const sheet = await deflateRepeated(
        "xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>",
        "<!-- -->",
        32 * 1024 * 1024,
        "</sheetData></worksheet>"
      );
      writeFileSync(
        path,
        await editedPackage(await bookBytes(), {}, [{ ...sheet, size: 64 * 1024 }])
      );
      spawned(["check", path], [2], 60_000, 512);
    },
  },
  {
    id: "G10",
    category: "giant range",
    slow: true,
    input: "6,000 indicators in the targets and actuals",
    expected:
      'assess --out writes 考核排名 with the first 5,459 indicators and says why; scores count all (was: "16387 is out of bounds")',
    run: async (dir) => {
      const wb = new ExcelJS.Workbook();
      const head = ["责任单位", ...Array.from({ length: 6000 }, (_, i) => `指标${i + 1}(个)`)];
      for (const [name, base] of [
        ["目标分解表", 10],
        ["完成情况表", 5],
      ] as const) {
        const ws = wb.addWorksheet(name);
        ws.addRow(head);
        for (const u of ["高新区", "经开区", "城东区"])
          ws.addRow([u, ...head.slice(1).map((_, i) => base + (i % 7))]);
      }
      const path = join(dir, "wide.xlsx");
      writeFileSync(path, await editedPackage(wb, {}));
      const out = join(dir, "wide.out.xlsx");
      spawned(["assess", path, "--as-of", "2024-12-31", "--out", out], [0, 1], 600_000, 2048);
      const ranking = (await readWorkbookFile(out)).sheets.find((s) => s.name === "考核排名");
      check(
        ranking && Math.max(...ranking.rows.map((r) => r.length)) <= 16_384,
        "考核排名 is wider than Excel allows"
      );
      check(
        String(ranking?.rows[1]?.[0]).includes("只列出前 5459 个指标"),
        "考核排名 does not say why indicators are missing"
      );
    },
  },
  {
    id: "K01",
    category: "SIGKILL",
    slow: true,
    input:
      "assess --out killed at 0 ms, 0.3 s, 0.9 s, 1.8 s, 3 s and while its temporary file is written (30,000-row ledger)",
    expected:
      "the input is never touched; the output is absent or a complete workbook, never half-written (temp file + rename)",
    run: async (dir) => {
      await killedWriteKeeps(dir, false);
    },
  },
  {
    id: "K02",
    category: "SIGKILL",
    slow: true,
    input: "assess --in-place killed at the same moments",
    expected: "the file is either the original, byte for byte, or the complete assessed workbook",
    run: async (dir) => {
      await killedWriteKeeps(dir, true);
    },
  },
  {
    id: "X01",
    category: "concurrent runs",
    slow: true,
    input: "four assess --out runs writing the same output path at once",
    expected:
      "the output is one complete workbook (each write is a rename of a whole file); the input untouched",
    run: async (dir) => {
      const input = join(dir, "book.xlsx");
      writeFileSync(input, await editedPackage(scorecardBook(), {}));
      const before = fileState(input);
      const out = join(dir, "same.xlsx");
      await Promise.all(
        Array.from({ length: 4 }, () => runAndKill(["assess", input, "--out", out, "--force"], {}))
      );
      check(fileState(input) === before, "the input changed");
      const grid = await readWorkbookFile(out);
      check(
        grid.sheets.some((s) => s.name === "考核排名") && !grid.readNotes?.length,
        "the output is not a whole workbook"
      );
      check(!readdirSync(dir).some((f) => f.endsWith(".tmp")), "a temporary file was left behind");
    },
  },
  {
    id: "X02",
    category: "concurrent runs",
    slow: true,
    input: "check reading a file while assess --in-place rewrites it, 10 times",
    expected: "every check reads either the old or the new file whole (exit 0/1), never a torn one",
    run: async (dir) => {
      const input = join(dir, "book.xlsx");
      writeFileSync(input, await editedPackage(scorecardBook(), {}));
      for (let i = 0; i < 10; i++) {
        const [, checked] = await Promise.all([
          runAndKill(["assess", input, "--in-place"], {}),
          // Generous: on a loaded machine one check took over 60 s; a hang would still be caught.
          Promise.resolve(runSpawned(["check", input], { timeoutMs: 300_000 })),
        ]);
        check(
          [0, 1].includes(checked.code ?? -1),
          checked.signal
            ? `check killed after ${checked.ms} ms (${checked.signal})`
            : `check exit ${String(checked.code)}: ${checked.stderr}`
        );
      }
    },
  },
];
