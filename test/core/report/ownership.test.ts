import type { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { recognizeWorkbook } from "../../../src/core/recognize";
import {
  OWNERSHIP_KEY,
  STATE_SHEET_NAME,
  type SheetPlan,
  type WritePlan,
} from "../../../src/core/plan";
import {
  cellsDigest,
  existingSheets,
  landingNotes,
  ownershipRow,
  planDigest,
  planLanding,
  planSheetTargets,
  productSheetKinds,
  snapshotOwnership,
  type OwnershipRecord,
} from "../../../src/core/ownership";
import {
  EMPTY_SETTINGS,
  isSignedState,
  isStateSheetName,
  readSettings,
  signStateValues,
  STATE_SIGNATURE_KEY,
  stateRowsOf,
  stateSheetPlan,
} from "../../../src/core/state";

function sheet(name: string, rows: CellValue[][], id?: string, hidden = false): SheetGrid {
  return {
    name,
    ...(id === undefined ? {} : { id }),
    hidden,
    rows,
    merges: [],
    numberFormats: new Map(),
    hiddenColumns: new Set(),
  };
}

function planned(
  name: string,
  kind: SheetPlan["kind"],
  values: CellValue[][] = [["x"]]
): SheetPlan {
  return {
    ...stateSheetPlan([]),
    values: values as SheetPlan["values"],
    name,
    kind,
    owned: kind !== "rules",
    visibility: "visible",
  };
}

const LEDGER: CellValue[][] = [
  ["项目名称", "责任单位", "投资额(万元)", "项目阶段"],
  ["甲项目", "经开区", 5000, "签约"],
  ["乙项目", "高新区", 8000, "在谈"],
  ["[scorecard:ranking] 本表由招商考核助手生成", null, null, null],
];
const RANKING: CellValue[][] = [["招商引资考核排名"], ["排名", "单位"], [1, "经开区"]];

function state(records: OwnershipRecord[]): SheetGrid {
  return sheet(STATE_SHEET_NAME, signStateValues([ownershipRow(records)]), "xlsx:9", true);
}

function record(name: string, rows: CellValue[][], ids: string[] = []): OwnershipRecord {
  return { kind: "ranking", name, digest: cellsDigest(rows), ids };
}

const rankingPlan: WritePlan = { sheets: [planned("考核排名", "ranking", RANKING)] };

describe("ownership comes from the state sheet's record, never from cell text", () => {
  it("forged ownership marker: a ledger with [scorecard:ranking] in a cell is read as a ledger and never replaced", () => {
    const grid: WorkbookGrid = { source: "t", sheets: [sheet("考核排名", LEDGER, "xlsx:1")] };
    expect(productSheetKinds(grid).size).toBe(0);
    expect(recognizeWorkbook(grid).reports[0]?.role).toBe("ledger");
    const targets = planSheetTargets(existingSheets(snapshotOwnership(grid)), rankingPlan);
    expect(targets[0]).toMatchObject({
      name: "考核排名 (2)",
      replaces: null,
      displaced: "考核排名",
    });
    expect(landingNotes(targets)[0]?.message_zh).toContain("不是本工具生成的");
  });

  it("a recorded sheet with its name, id and values is the product's and is replaced in place", () => {
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet("考核排名", RANKING, "xlsx:1"),
        state([record("考核排名", RANKING, ["xlsx:1"])]),
      ],
    };
    expect(productSheetKinds(grid).get("考核排名")).toBe("ranking");
    expect(recognizeWorkbook(grid).reports[0]?.role).toBe("output");
    const [target] = planSheetTargets(existingSheets(snapshotOwnership(grid)), rankingPlan);
    expect(target).toMatchObject({ name: "考核排名", displaced: null });
    expect(target?.replaces?.id).toBe("xlsx:1");
  });

  it("a recorded sheet whose values were edited is the user's: kept, and ours goes to (2)", () => {
    const edited = [...RANKING, ["领导批示：请各单位加快进度"]];
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet("考核排名", edited, "xlsx:1"),
        state([record("考核排名", RANKING, ["xlsx:1"])]),
      ],
    };
    expect(productSheetKinds(grid).size).toBe(1); // the state sheet only
    const [target] = planSheetTargets(existingSheets(snapshotOwnership(grid)), rankingPlan);
    expect(target).toMatchObject({ name: "考核排名 (2)", replaces: null, displaced: "考核排名" });
  });

  it("renamed owned sheet (archive): kept as product output, never replaced; a new 考核排名 is written", () => {
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet("2008年1月排名(存档)", RANKING, "xlsx:1"),
        state([record("考核排名", RANKING, ["xlsx:1"])]),
      ],
    };
    const snapshot = snapshotOwnership(grid);
    expect(snapshot.sheets[0]?.product).toMatchObject({ kind: "ranking", replaceable: false });
    // Still product output to recognition: an archived ranking is never read as a source table.
    expect(recognizeWorkbook(grid).reports[0]?.role).toBe("output");
    const landing = planLanding(snapshot, rankingPlan, (_t, fresh) => `xlsx:${10 + fresh}`);
    expect(landing.targets[0]).toMatchObject({ name: "考核排名", replaces: null, displaced: null });
    // The archive's record stays, beside the new sheet's.
    const stateValues = landing.plan.sheets.find((s) => s.kind === "state")?.values ?? [];
    const json = stateValues.find((r) => r[0] === OWNERSHIP_KEY)?.[1] as string;
    expect(JSON.parse(json)).toEqual([
      {
        kind: "ranking",
        name: "考核排名",
        digest: planDigest(rankingPlan.sheets[0] as SheetPlan),
        ids: ["xlsx:10"],
      },
      record("考核排名", RANKING, ["xlsx:1"]),
    ]);
  });

  it("a same-named sheet with another id (deleted and made anew) is not the product's", () => {
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet("考核排名", RANKING, "xlsx:7"),
        state([record("考核排名", RANKING, ["xlsx:1"])]),
      ],
    };
    expect(snapshotOwnership(grid).sheets[0]?.product).toBeNull();
  });

  it("a record written by another host (no id of this host's kind) matches by name and values", () => {
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet("考核排名", RANKING, "xlsx:3"),
        state([record("考核排名", RANKING, ["office:{00000000-0001-0000-0000-000000000000}"])]),
      ],
    };
    expect(snapshotOwnership(grid).sheets[0]?.product?.replaceable).toBe(true);
  });

  it("our earlier (2) is reused rather than making a (3) while the user's sheet holds the name", () => {
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet("考核排名", LEDGER, "xlsx:1"),
        sheet("考核排名 (2)", RANKING, "xlsx:2"),
        state([record("考核排名 (2)", RANKING, ["xlsx:2"])]),
      ],
    };
    const [target] = planSheetTargets(existingSheets(snapshotOwnership(grid)), rankingPlan);
    expect(target).toMatchObject({ name: "考核排名 (2)", displaced: null });
  });

  it("the state sheet is replaced by name, and a plan without one gets one that keeps every row", () => {
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [
        sheet(
          STATE_SHEET_NAME,
          signStateValues([
            ["ranking:2008", "[]"],
            ["taskpane.settings", "{}"],
          ]),
          "xlsx:4",
          true
        ),
      ],
    };
    const landing = planLanding(snapshotOwnership(grid), rankingPlan, () => "xlsx:5");
    expect(landing.targets.map((t) => [t.name, t.replaces?.name ?? null])).toEqual([
      ["考核排名", null],
      [STATE_SHEET_NAME, STATE_SHEET_NAME],
    ]);
    const values = landing.plan.sheets[1]?.values ?? [];
    expect(values.map((r) => r[0])).toEqual([
      STATE_SIGNATURE_KEY,
      "ranking:2008",
      "taskpane.settings",
      OWNERSHIP_KEY,
    ]);
    expect(isSignedState(values)).toBe(true);
  });

  it("a user's sheet named like the state sheet is the user's: never read as state nor replaced; ours goes to (2)", () => {
    // Rows a user might keep there, even some that look like state keys: without the product's signature they are
    // not the product's record.
    const users = sheet(
      STATE_SHEET_NAME,
      [
        ["我的数据", 1],
        ["taskpane.settings", '{"overrides":{"roles":{"考核排名":"targets"}}}'],
        ownershipRow([record("考核排名", RANKING, ["xlsx:1"])]),
      ],
      "xlsx:3"
    );
    const grid: WorkbookGrid = {
      source: "t",
      sheets: [sheet("考核排名", RANKING, "xlsx:1"), users],
    };
    expect(stateRowsOf(grid)).toEqual([]);
    expect(readSettings(grid)).toEqual(EMPTY_SETTINGS);
    expect(productSheetKinds(grid).size).toBe(0);
    expect(recognizeWorkbook(grid).reports.find((r) => r.name === STATE_SHEET_NAME)?.role).not.toBe(
      "output"
    );
    const landing = planLanding(
      snapshotOwnership(grid),
      rankingPlan,
      (_t, fresh) => `xlsx:${10 + fresh}`
    );
    expect(landing.targets.map((t) => [t.name, t.replaces?.name ?? null, t.displaced])).toEqual([
      ["考核排名 (2)", null, "考核排名"],
      [`${STATE_SHEET_NAME} (2)`, null, STATE_SHEET_NAME],
    ]);
    // Written, ours is found again under its own name by its signature, and the user's still is not.
    const ours = landing.plan.sheets[1] as SheetPlan;
    const after: WorkbookGrid = {
      source: "t",
      sheets: [
        ...grid.sheets,
        sheet("考核排名 (2)", landing.plan.sheets[0]?.values as CellValue[][], "xlsx:10"),
        sheet(`${STATE_SHEET_NAME} (2)`, ours.values as CellValue[][], "xlsx:11", true),
      ],
    };
    expect(stateRowsOf(after)).toEqual(ours.values);
    expect(productSheetKinds(after).get(`${STATE_SHEET_NAME} (2)`)).toBe("state");
    expect(productSheetKinds(after).get(STATE_SHEET_NAME)).toBeUndefined();
    const again = planLanding(snapshotOwnership(after), rankingPlan, () => "xlsx:12");
    expect(again.targets.map((t) => [t.name, t.replaces?.name ?? null])).toEqual([
      ["考核排名 (2)", "考核排名 (2)"],
      [`${STATE_SHEET_NAME} (2)`, `${STATE_SHEET_NAME} (2)`],
    ]);
  });

  it("a state sheet whose rows were changed after signing is not the product's record", () => {
    const rows = signStateValues([["taskpane.settings", "{}"]]);
    const edited = [...rows, ["我加的一行"]];
    expect(isSignedState(rows)).toBe(true);
    expect(isSignedState(edited)).toBe(false);
    expect(isStateSheetName(`${STATE_SHEET_NAME} (12)`)).toBe(true);
    expect(isStateSheetName(`${STATE_SHEET_NAME}x`)).toBe(false);
  });
});

describe("sheet digest", () => {
  it("reads back the same whoever saved the file: 15 digits, Dates as serials, \\r\\n as \\n, blanks ignored", () => {
    expect(cellsDigest([[0.1 + 0.2, "a\r\nb", new Date(Date.UTC(2008, 0, 31))]])).toBe(
      cellsDigest([
        [0.3, "a\nb", 39478],
        [null, ""],
      ])
    );
    expect(cellsDigest([["a"]])).not.toBe(cellsDigest([[null, "a"]]));
    expect(cellsDigest([[1]])).not.toBe(cellsDigest([["1"]]));
  });

  it("of a plan counts a link's target as the text a host writes into an empty linked cell", () => {
    const plan: SheetPlan = {
      ...planned("校验结果", "issues", [["问题", null]]),
      hyperlinks: [{ cell: "B1", sheet: "台账", target: "C7" }],
    };
    expect(planDigest(plan)).toBe(cellsDigest([["问题", "C7"]]));
  });
});
