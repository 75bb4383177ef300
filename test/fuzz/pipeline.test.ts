/** A sample of `npm run fuzz` (scripts/fuzz.ts) in the integration suite, and its findings as fixed regression cases. */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assessWorkbook } from "../../src/core/assess";
import { planOutputs } from "../../src/core/report";
import { STATE_SHEET_NAME } from "../../src/core/plan/product-sheets";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { createFileHost } from "../../src/workbook/exceljs/file-host";
import fc from "fast-check";
import JSZip from "jszip";
import { readStateValue, stateRowsOf, stateSheetOf } from "../../src/core/state";
import { createOfficeHost } from "../../src/workbook/office";
import { ExcelEmulator } from "../emulator/excel-emulator";
import { freshDir } from "../hostile/case";
import { checkRoundTrip, runPipeline } from "./pipeline";
import { FUZZ_REGRESSIONS } from "./regressions";
import { fuzzXlsx, workbookArb, type FuzzWorkbook } from "./workbooks";
import { DEFAULT_SEED } from "../../scripts/fuzz";

let dir: string;
beforeAll(() => {
  dir = freshDir("fuzz-sample-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run fuzz, a sample", () => {
  it("read → assess → write → re-read: no exception, issues on real cells, competition ranks, sources kept", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, (workbook) => runPipeline(workbook, dir).then(() => undefined)),
      { numRuns: 20, seed: DEFAULT_SEED }
    );
  });
});

describe("fuzz findings, fixed as regression cases", () => {
  for (const r of FUZZ_REGRESSIONS) {
    const body = async (): Promise<void> => {
      await runPipeline(r.workbook, dir);
    };
    if (r.open) it.failing(`${r.title} [open: ${r.open}]`, body);
    else it(r.title, body);
  }
});

/** The bytes of the worksheet part holding sheet `name` in an .xlsx package. */
async function sheetPart(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
  const part = target?.replace(/^\/?(xl\/)?/, "xl/");
  const file = part ? zip.file(part) : null;
  if (!file) throw new Error(`no part for ${name}`);
  return file.async("uint8array");
}

/** A user's workbook with a sheet of their own named like the product's state sheet. */
const USERS_STATE_NAMED: FuzzWorkbook = {
  asOf: "2024-12-31",
  sheets: [
    {
      name: "目标分解表",
      hidden: false,
      rows: [
        ["责任单位", "实际利用外资(亿美元)"],
        ["高新区", 10],
        ["经开区", 12],
      ],
      merges: [],
      formats: {},
    },
    {
      name: "完成情况表",
      hidden: false,
      rows: [
        ["责任单位", "实际利用外资(亿美元)"],
        ["高新区", 8],
        ["经开区", 12],
      ],
      merges: [],
      formats: {},
    },
    {
      name: STATE_SHEET_NAME,
      hidden: true,
      // Blank rows, an error cell and even rows shaped like the product's keys: the user's all the same.
      rows: [
        ["我的数据", 1],
        [],
        [{ error: "#REF!" }, null, "_x0001_"],
        ["taskpane.settings", "{}"],
      ],
      merges: [],
      formats: {},
    },
  ],
};

describe("a user's own sheet named like the product's state sheet", () => {
  it("file path: never read as state nor replaced, kept byte for byte; our state is _scorecard_state (2), found again on the next run", async () => {
    const input = join(dir, "users-state.xlsx");
    const original = await fuzzXlsx(USERS_STATE_NAMED);
    writeFileSync(input, original);
    const userPart = await sheetPart(original, STATE_SHEET_NAME);

    const host = createFileHost(input);
    const grid = await host.readGrid();
    expect(stateRowsOf(grid)).toEqual([]);
    const assessment = assessWorkbook(grid, { asOf: USERS_STATE_NAMED.asOf, now: new Date() });
    expect(assessment.results?.units.map((u) => u.unit).sort()).toEqual(["经开区", "高新区"]);
    await host.applyPlan(planOutputs(assessment, { now: new Date() }));
    const first = join(dir, "users-state.1.xlsx");
    await host.save(first);
    expect(host.notes().map((n) => n.sheet)).toContain(`${STATE_SHEET_NAME} (2)`);

    const once = readFileSync(first);
    expect(Buffer.from(await sheetPart(once, STATE_SHEET_NAME)).equals(Buffer.from(userPart))).toBe(
      true
    );
    const back = await readWorkbookFile(first);
    checkRoundTrip(grid, back);
    expect(back.sheets.find((s) => s.name === STATE_SHEET_NAME)?.hidden).toBe(true);
    const ours = stateSheetOf(back.sheets);
    expect(ours?.name).toBe(`${STATE_SHEET_NAME} (2)`);
    expect(readStateValue(back, "owned.sheets")).not.toBeNull();

    // Run again on the written copy: our (2) is replaced in place, the user's sheet still untouched, no (3).
    const again = createFileHost(first);
    const grid2 = await again.readGrid();
    const second = assessWorkbook(grid2, { asOf: USERS_STATE_NAMED.asOf, now: new Date() });
    await again.applyPlan(planOutputs(second, { now: new Date() }));
    const twice = join(dir, "users-state.2.xlsx");
    await again.save(twice);
    const bytes2 = readFileSync(twice);
    expect(
      Buffer.from(await sheetPart(bytes2, STATE_SHEET_NAME)).equals(Buffer.from(userPart))
    ).toBe(true);
    const back2 = await readWorkbookFile(twice);
    expect(back2.sheets.map((s) => s.name).filter((n) => n.startsWith(STATE_SHEET_NAME))).toEqual([
      STATE_SHEET_NAME,
      `${STATE_SHEET_NAME} (2)`,
    ]);
    expect(back2.sheets.filter((s) => s.name.startsWith("考核排名"))).toHaveLength(1);
    expect(stateSheetOf(back2.sheets)?.name).toBe(`${STATE_SHEET_NAME} (2)`);
  });

  it("Office path (Excel API emulator): the user's sheet keeps its cells and visibility; our state is _scorecard_state (2), reused on the next run", async () => {
    const emulator = await ExcelEmulator.fromBuffer(await fuzzXlsx(USERS_STATE_NAMED));
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const grid = await host.readGrid();
    const users = grid.sheets.find((s) => s.name === STATE_SHEET_NAME);
    expect(stateRowsOf(grid)).toEqual([]);
    const run = async (): Promise<void> => {
      const g = await host.readGrid();
      const a = assessWorkbook(g, { asOf: USERS_STATE_NAMED.asOf, now: new Date() });
      await host.applyPlan(planOutputs(a, { now: new Date() }));
    };
    await run();
    const after = await host.readGrid();
    expect(after.sheets.find((s) => s.name === STATE_SHEET_NAME)).toEqual(users);
    expect(emulator.workbook.getWorksheet(STATE_SHEET_NAME)?.state).toBe("hidden");
    expect(stateSheetOf(after.sheets)?.name).toBe(`${STATE_SHEET_NAME} (2)`);
    expect(emulator.workbook.getWorksheet(`${STATE_SHEET_NAME} (2)`)?.state).toBe("veryHidden");

    await run();
    const again = await host.readGrid();
    expect(again.sheets.find((s) => s.name === STATE_SHEET_NAME)).toEqual(users);
    expect(again.sheets.map((s) => s.name).filter((n) => n.startsWith(STATE_SHEET_NAME))).toEqual([
      STATE_SHEET_NAME,
      `${STATE_SHEET_NAME} (2)`,
    ]);
    expect(again.sheets.filter((s) => s.name.startsWith("考核排名"))).toHaveLength(1);
    expect(stateSheetOf(again.sheets)?.name).toBe(`${STATE_SHEET_NAME} (2)`);
  });
});
