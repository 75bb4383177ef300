import type { SheetPlan, WritePlan } from "../../../src/core/plan";
import { parseRangeA1 } from "../../../src/core/grid";
import {
  DEFAULT_LIMITS,
  safeSheetName,
  planReads,
  planWrites,
  resolveTargets,
  widthToPoints,
  type WriteOp,
} from "../../../src/workbook/office";
import { ALL_FEATURES } from "../../../src/workbook/office/write-ops";
import { overlongCell } from "../../../src/workbook/office/plan-writes";

const LIMITS = { ...DEFAULT_LIMITS, maxPayloadBytes: 10_000, readBytesPerCell: 10 };

function sheet(partial: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: "考核排名",
    kind: "ranking",
    owned: true,
    values: [["标题"]],
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    hyperlinks: [],
    validations: [],
    dataBars: [],
    visibility: "visible",
    ...partial,
  };
}

describe("planReads", () => {
  it("splits a used range into contiguous row blocks, each batch under the payload budget", () => {
    const batches = planReads(
      [{ name: "台账", hidden: false, used: { top: 2, left: 1, bottom: 2001, right: 10 } }],
      LIMITS
    );
    const rows = batches.flatMap((b) => b.requests.map((r) => r.range));
    expect(rows[0]?.top).toBe(2);
    expect(rows.at(-1)?.bottom).toBe(2001);
    rows.forEach((r, i) => {
      expect(r.left).toBe(1);
      expect(r.right).toBe(10);
      if (i > 0) expect(r.top).toBe((rows[i - 1]?.bottom ?? 0) + 1);
    });
    for (const b of batches) expect(b.bytes).toBeLessThanOrEqual(LIMITS.maxPayloadBytes);
    // 10 columns × 10 bytes = 100 bytes a row: 100 rows a batch.
    expect(batches).toHaveLength(20);
    expect(batches[0]?.requests[0]?.address).toBe("B3:K102");
  });

  it("packs small sheets into one batch and skips empty ones", () => {
    const batches = planReads(
      [
        { name: "a", hidden: false, used: { top: 0, left: 0, bottom: 9, right: 4 } },
        { name: "empty", hidden: false, used: null },
        { name: "_scorecard_state", hidden: true, used: { top: 0, left: 0, bottom: 3, right: 1 } },
      ],
      LIMITS
    );
    expect(batches).toHaveLength(1);
    expect(batches[0]?.requests.map((r) => r.sheet)).toEqual(["a", "_scorecard_state"]);
  });

  it("fills the rest of a batch before starting the next, and gives a too-wide row a block of its own", () => {
    const batches = planReads(
      [
        { name: "a", hidden: false, used: { top: 0, left: 0, bottom: 49, right: 9 } },
        { name: "b", hidden: false, used: { top: 0, left: 0, bottom: 99, right: 9 } },
        { name: "wide", hidden: false, used: { top: 0, left: 0, bottom: 1, right: 2000 } },
      ],
      LIMITS
    );
    expect(batches[0]?.requests.map((r) => [r.sheet, r.address])).toEqual([
      ["a", "A1:J50"],
      ["b", "A1:J50"],
    ]);
    expect(batches[1]?.requests.map((r) => [r.sheet, r.address])).toEqual([["b", "A51:J100"]]);
    expect(batches.slice(2).map((b) => b.requests.map((r) => r.address))).toEqual([
      ["A1:BXY1"],
      ["A2:BXY2"],
    ]);
  });
});

function ops(plan: WritePlan, features = ALL_FEATURES, limits = LIMITS): WriteOp[] {
  return planWrites(plan, limits, { features }).flatMap((b) => b.ops);
}

describe("planWrites", () => {
  it("chunks values so every batch stays under the payload limit, swap last", () => {
    const values = Array.from({ length: 5_000 }, (_, i) => [i, `单位${i}`, i / 3]);
    const batches = planWrites({ sheets: [sheet({ values })] }, LIMITS);
    for (const b of batches) expect(b.bytes).toBeLessThanOrEqual(LIMITS.maxPayloadBytes);
    const valueOps = batches.flatMap((b) => b.ops).filter((o) => o.kind === "values");
    expect(valueOps.length).toBeGreaterThan(10);
    const rows = valueOps.reduce((n, o) => n + (o.kind === "values" ? o.values.length : 0), 0);
    expect(rows).toBe(5_000);
    expect(batches.at(-1)?.swap).toBe(true);
    expect(batches.slice(0, -1).every((b) => !b.swap)).toBe(true);
  });

  it("makes one format call per style over RangeAreas on 1.9, one per rectangle on 1.7", () => {
    const plan = {
      sheets: [
        sheet({
          values: [[1, 2, 3]],
          styles: [{ style: { fill: "FFC7CE", bold: true }, ranges: ["A1", "C1:C3", "E5"] }],
        }),
      ],
    };
    const styled = (o: WriteOp) => o.kind === "style" && o.style.fill === "FFC7CE";
    expect(ops(plan).filter(styled)).toEqual([
      expect.objectContaining({ address: "A1,C1:C3,E5", areas: true }),
    ]);
    const old = ops(plan, { ...ALL_FEATURES, rangeAreas: false, pageLayout: false });
    expect(
      old.filter(styled).map((o) => (o.kind === "style" ? [o.address, o.areas] : null))
    ).toEqual([
      ["A1", false],
      ["C1:C3", false],
      ["E5", false],
    ]);
  });

  it("splits a RangeAreas address at the length limit", () => {
    const ranges = Array.from({ length: 300 }, (_, i) => `A${2 * i + 1}`);
    const plan = { sheets: [sheet({ styles: [{ style: { bold: true }, ranges }] })] };
    const styled = ops(plan, ALL_FEATURES, { ...LIMITS, maxAreasAddressLength: 200 }).filter(
      (o) => o.kind === "style" && o.style.bold
    );
    expect(styled.length).toBeGreaterThan(5);
    for (const o of styled)
      if (o.kind === "style") expect(o.address.length).toBeLessThanOrEqual(200);
  });

  it("sends number formats as one matrix per block, null where a cell keeps its format", () => {
    const plan = {
      sheets: [
        sheet({
          values: [[1, "x", new Date(Date.UTC(2024, 0, 2))], [2]],
          styles: [
            { style: { numberFormat: "0.0%" }, ranges: ["A1:A2", "C1"] },
            { style: { numberFormat: "0.00" }, ranges: ["A2"] },
          ],
        }),
      ],
    };
    expect(ops(plan).filter((o) => o.kind === "numberFormat")).toEqual([
      {
        kind: "numberFormat",
        sheet: expect.any(String),
        address: "A1:C2",
        formats: [
          ["0.0%", null, "0.0%"],
          ["0.00", null, null],
        ],
      },
    ]);
  });

  it("keeps number-format calls flat as units grow, and dates without a format get the date format", () => {
    const formatted = (units: number) => {
      const values = Array.from({ length: units }, (_, i) => [
        i,
        new Date(Date.UTC(2024, 0, 1 + i)),
      ]);
      // One cell per unit, as a ranking's status formats are (▲/▼ per unit, each its own range).
      const ranges = values.map((_, i) => `A${i + 1}`);
      const plan = {
        sheets: [sheet({ values, styles: [{ style: { numberFormat: "0.00" }, ranges }] })],
      };
      return ops(plan, ALL_FEATURES, DEFAULT_LIMITS).filter((o) => o.kind === "numberFormat");
    };
    expect(formatted(30)).toHaveLength(1);
    expect(formatted(300)).toHaveLength(1);
    const [op] = formatted(3);
    expect(op?.kind === "numberFormat" ? op.formats : null).toEqual([
      ["0.00", "yyyy-mm-dd"],
      ["0.00", "yyyy-mm-dd"],
      ["0.00", "yyyy-mm-dd"],
    ]);
  });

  it("makes one format call per distinct style, the ranges of its entries joined", () => {
    const bold = { bold: true, fill: "DDEBF7" };
    const plan = {
      sheets: [
        sheet({
          values: [[1, 2, 3]],
          styles: [
            { style: { ...bold, numberFormat: "0.0%" }, ranges: ["A1"] },
            { style: { ...bold, numberFormat: "0.00" }, ranges: ["B1"] },
            { style: { italic: true }, ranges: ["C1"] },
            { style: { fill: "DDEBF7", bold: true }, ranges: ["A2", "A3"] },
          ],
        }),
      ],
    };
    const styled = ops(plan).filter((o) => o.kind === "style" && o.style.fontName === undefined);
    expect(styled.map((o) => (o.kind === "style" ? o.address : ""))).toEqual(["A1:B1,A2:A3", "C1"]);
  });

  it("keeps a later entry apart when one in between touches its cells (entries layer)", () => {
    const plan = {
      sheets: [
        sheet({
          values: [[1, 2]],
          styles: [
            { style: { fill: "FFFFFF" }, ranges: ["A1"] },
            { style: { fill: "000000" }, ranges: ["A1:B1"] },
            { style: { fill: "FFFFFF" }, ranges: ["B1"] },
          ],
        }),
      ],
    };
    const styled = ops(plan).filter((o) => o.kind === "style" && o.style.fill !== undefined);
    expect(styled.map((o) => (o.kind === "style" ? [o.address, o.style.fill] : null))).toEqual([
      ["A1", "FFFFFF"],
      ["A1:B1", "000000"],
      ["B1", "FFFFFF"],
    ]);
  });

  it("sets freeze panes and page layout after the swap, on the final name, only for visible sheets", () => {
    const print = {
      orientation: "landscape" as const,
      paperSize: "A4" as const,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    const plan = {
      sheets: [
        sheet({ freeze: { rows: 2, columns: 1 }, print }),
        sheet({
          name: "状态",
          kind: "state",
          visibility: "veryHidden",
          freeze: { rows: 1, columns: 0 },
          print,
        }),
      ],
    };
    const batches = planWrites(plan, LIMITS);
    const last = batches.at(-1);
    expect(batches.at(-2)?.swap).toBe(true);
    expect(last?.layout).toBe(true);
    expect(last?.ops.map((o) => `${o.kind}@${"sheet" in o ? o.sheet : ""}`)).toEqual([
      "freeze@考核排名",
      "print@考核排名",
    ]);
    expect(
      batches
        .slice(0, -1)
        .flatMap((b) => b.ops)
        .some((o) => o.kind === "freeze" || o.kind === "print")
    ).toBe(false);
  });

  it("gates optional features by requirement set", () => {
    const plan = {
      sheets: [
        sheet({
          print: {
            orientation: "landscape" as const,
            paperSize: "A4" as const,
            fitToWidth: 1,
            fitToHeight: 0,
            repeatRows: [1, 3] as const,
          },
          validations: [{ range: "B2:B9", values: ["是", "否"] }],
          dataBars: [{ range: "C2:C9", color: "638EC6" }],
          tabColor: "1F4E79",
          hyperlinks: [{ cell: "A1", sheet: "目标分解表", target: "C7" }],
        }),
      ],
    };
    const kinds = (f = ALL_FEATURES) => new Set(ops(plan, f).map((o) => o.kind));
    expect([...kinds()]).toEqual(
      expect.arrayContaining(["print", "validation", "dataBar", "tabColor", "hyperlink"])
    );
    const v17 = kinds({
      ...ALL_FEATURES,
      rangeAreas: false,
      pageLayout: false,
      dataValidation: false,
    });
    expect(v17.has("print") || v17.has("validation")).toBe(false);
    expect(v17.has("hyperlink")).toBe(true);
    expect(ops(plan).find((o) => o.kind === "hyperlink")).toEqual(
      expect.objectContaining({ reference: "'目标分解表'!C7", text: "标题" })
    );
  });

  it("converts column widths from characters to points, and never activates a hidden sheet", () => {
    expect(widthToPoints(10)).toBeCloseTo(56.25);
    const plan: WritePlan = {
      sheets: [sheet({ name: "_scorecard_state", kind: "state", visibility: "veryHidden" })],
      activate: "_scorecard_state",
    };
    expect(ops(plan).filter((o) => o.kind === "activate")).toEqual([]);
    expect(ops(plan).filter((o) => o.kind === "visibility")).toEqual([
      { kind: "visibility", sheet: "~scorecard tmp 0 1", visibility: "Hidden" },
      { kind: "visibility", sheet: "~scorecard tmp 0 1", visibility: "VeryHidden" },
    ]);
  });
});

describe("resolveTargets", () => {
  it("replaces the owned sheet in place and avoids a user's sheet of the same name", () => {
    const plan: WritePlan = { sheets: [sheet(), sheet({ name: "校验结果", kind: "issues" })] };
    const targets = resolveTargets(
      [
        { name: "考核排名", position: 0, id: "office:1", ownedKind: null },
        { name: "校验结果", position: 1, id: "office:2", ownedKind: "issues" },
        { name: "~scorecard tmp 1", position: 2, id: "office:3", ownedKind: null },
      ],
      plan
    );
    expect(targets.map((t) => [t.name, t.replaces?.name ?? null])).toEqual([
      ["考核排名 (2)", null],
      ["校验结果", "校验结果"],
    ]);
    expect(new Set(targets.map((t) => t.tempName)).has("~scorecard tmp 1")).toBe(false);
  });
});

describe("text on write", () => {
  it("every string value is written behind an apostrophe, numbers, booleans and blanks as they are", () => {
    const plan = { sheets: [sheet({ values: [["经开区", "=SUM(A1)", 3, true, null, ""]] })] };
    const values = planWrites(plan, LIMITS)
      .flatMap((b) => b.ops)
      .find((op) => op.kind === "values");
    expect(values).toMatchObject({ values: [["'经开区", "'=SUM(A1)", 3, true, null, ""]] });
  });

  it("refuses a cell longer than Excel's 32,767 characters before writing, naming it", () => {
    const plan = {
      sheets: [
        sheet({
          name: "_scorecard_state",
          kind: "state" as const,
          values: [["k", "x".repeat(32_768)]],
        }),
      ],
    };
    expect(overlongCell(plan)).toMatchObject({
      code: "cell_too_long",
      sheet: "_scorecard_state",
      cell: "B1",
      message_en: expect.stringContaining("ranking history"),
    });
    expect(overlongCell({ sheets: [sheet({ values: [["x".repeat(32_767)]] })] })).toBeNull();
  });
});

describe("safeSheetName", () => {
  it("keeps Excel's rules: no [ ] : * ? / \\, no apostrophe at either end, not History", () => {
    expect(safeSheetName("a[b]:c*d?e/f\\g")).toBe("a_b__c_d_e_f_g");
    expect(safeSheetName("'引号'")).toBe("引号");
    expect(safeSheetName("History")).toBe("History_");
    expect(safeSheetName("  ")).toBe("Sheet");
  });

  it("resolveTargets cuts names to 31 characters and gives each run its own temporary names", () => {
    const long = "考核排名".repeat(10);
    const [a] = resolveTargets([], { sheets: [sheet({ name: long })] }, "r1");
    const [b] = resolveTargets([], { sheets: [sheet({ name: long })] }, "r2");
    expect(a?.name).toHaveLength(31);
    expect(a?.tempName).not.toBe(b?.tempName);
    expect(a?.tempName.length).toBeLessThanOrEqual(31);
  });
});

test("parseRangeA1 sanity for planner addresses", () => {
  expect(parseRangeA1("C1:C3")).toEqual({ top: 0, left: 2, bottom: 2, right: 2 });
});
