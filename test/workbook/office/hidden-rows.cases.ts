import ExcelJS from "exceljs";
import { assessWorkbook } from "../../../src/core/assess";
import type { WorkbookGrid } from "../../../src/core/grid";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { createOfficeHost } from "../../../src/workbook/office";
import { rowSpansOfAreasAddress } from "../../../src/workbook/office/addresses";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import { comparable, toBytes } from "./helpers";

const NOW = new Date("2024-10-08T08:00:00Z");

/**
 * One 通报 table of ten 工作小组 with an AutoFilter on 类型 = 产业小组: the three 保障小组 rows (figures of their
 * own, the best rates in the table) are hidden by the filter; a note row under the title is hidden by hand.
 */
function filteredWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("专班通报");
  ws.addRow(["绿园区招商引资专班2024年1-9月工作推进情况"]);
  ws.addRow(["填报说明：按月累计"]);
  ws.addRow(["序号", "工作小组", "类型", "签约项目目标（个）", "签约项目完成（个）"]);
  const groups: Array<[string, string, number, number]> = [
    ["汽车零部件小组", "产业小组", 4, 3],
    ["食品加工小组", "产业小组", 4, 2],
    ["资金支持保障小组", "保障小组", 1, 3],
    ["现代物流小组", "产业小组", 3, 3],
    ["土地供给保障小组", "保障小组", 1, 2],
    ["文化旅游小组", "产业小组", 3, 1],
    ["项目包保服务保障小组", "保障小组", 1, 4],
    ["医药健康小组", "产业小组", 2, 1],
  ];
  groups.forEach(([name, kind, target, actual], i) => {
    const row = ws.addRow([i + 1, name, kind, target, actual]);
    if (kind === "保障小组") row.hidden = true;
  });
  ws.getRow(2).hidden = true;
  ws.autoFilter = "A3:E11";
  return wb;
}

/** Excel with the given requirement sets reads the workbook; the CLI's reader reads its bytes. */
async function readings(bytes: Uint8Array, apiVersion: string) {
  const emulator = await ExcelEmulator.fromBuffer(bytes, { apiVersion, fileName: "t.xlsx" });
  const host = createOfficeHost(emulator.run, emulator.isSetSupported);
  const office = await host.readGrid();
  const cli = await readWorkbookBuffer(bytes, "t.xlsx");
  return { office, cli, syncs: host.stats.syncs };
}

function ranked(grid: WorkbookGrid): string[] {
  const results = assessWorkbook(grid, { asOf: "2024-09-30", now: NOW }).results;
  return (results?.units ?? []).map((u) => `${u.rank} ${u.unit}`);
}

describe("Office host hidden rows", () => {
  it.each([
    // sheets; used ranges; values + hidden flags; the visible cells of the sheet with hidden rows
    ["1.13", 4],
    // …or rounds of rowHidden over smaller blocks (12 rows: the first 32-way split reaches single rows)
    ["1.7", 4],
  ])(
    "on ExcelApi %s reads the rows an AutoFilter hides as the CLI does, in %i syncs",
    async (api, syncs) => {
      const bytes = await toBytes(filteredWorkbook());
      const { office, cli, syncs: used } = await readings(bytes, api);
      expect(office.sheets[0]?.hiddenRows).toEqual(new Set([1, 5, 7, 9]));
      expect(comparable(office)).toEqual(comparable(cli));
      expect(used).toBe(syncs);
    }
  );

  it("the add-in ranks the shown 工作小组 only, as the CLI does", async () => {
    const { office, cli } = await readings(await toBytes(filteredWorkbook()), "1.13");
    const fromOffice = ranked(office);
    expect(fromOffice).toEqual(ranked(cli));
    expect(fromOffice.map((r) => r.split(" ")[1]).sort()).toEqual(
      ["汽车零部件小组", "食品加工小组", "现代物流小组", "文化旅游小组", "医药健康小组"].sort()
    );
    // Without the hidden rows the filtered-out 保障小组 would be ranked (and lead: 300–400%).
    const unfiltered = office.sheets.map(({ hiddenRows: _, ...s }) => s);
    expect(ranked({ ...office, sheets: unfiltered })).toHaveLength(8);
  });

  it("a sheet without hidden rows costs no sync more, and has no hiddenRows", async () => {
    const wb = filteredWorkbook();
    wb.worksheets[0]?.eachRow((row) => (row.hidden = false));
    const { office, syncs } = await readings(await toBytes(wb), "1.13");
    expect(office.sheets[0]?.hiddenRows).toBeUndefined();
    expect(syncs).toBe(3);
  });

  it("many hidden blocks without ExcelApi 1.9 are found in a few rounds, not one sync per row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    for (let i = 1; i <= 2000; i++) ws.addRow([`项目${i}`, i]);
    const hidden = new Set<number>();
    for (let r = 0; r < 2000; r += 7) {
      ws.getRow(r + 1).hidden = true;
      hidden.add(r);
    }
    const { office, cli, syncs } = await readings(await toBytes(wb), "1.7");
    expect(office.sheets[0]?.hiddenRows).toEqual(hidden);
    expect(comparable(office)).toEqual(comparable(cli));
    // sheets, used ranges, values + flags, then 2000 → 63-row → 2-row → 1-row blocks
    expect(syncs).toBe(6);
  });

  it("reads the rows of visible-cell areas as Excel writes them: whole rows, cells, quoted sheet names", () => {
    expect(rowSpansOfAreasAddress("专班通报!1:1, 专班通报!3:5")).toEqual([
      [0, 0],
      [2, 4],
    ]);
    expect(
      rowSpansOfAreasAddress("'1-9月, 通报'!A1:E1,'1-9月, 通报'!$G$3:$XFD$7, Sheet1!B9")
    ).toEqual([
      [0, 0],
      [2, 6],
      [8, 8],
    ]);
  });
});
