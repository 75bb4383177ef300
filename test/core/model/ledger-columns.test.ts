import {
  columnsOfRows,
  LedgerColumnsBuilder,
  ledgerColumns,
  ledgerRowAt,
  ledgerSheetOf,
  withLedger,
  type LedgerRow,
} from "../../../src/core/model";

const columns = { project_name: 1, unit: 2, investment: 3, signed_date: 4 };

/** Two projects written straight into the columns, as readLedger does. */
function built() {
  const b = new LedgerColumnsBuilder(4);
  b.usePart({ sheet: "台账", columns });
  const keyOf = { key: (u: string) => u.replace(/\s/g, "") };
  const first = b.begin(2, "甲项目", "甲项目", b.unitOfText("南关区", keyOf));
  b.setStage(first, "已签约");
  b.investment[first] = 5000;
  b.foreignShare[first] = NaN;
  b.fundsInPlace[first] = 1200;
  b.dates.signedDate[first] = Date.UTC(2026, 2, 5);
  b.dates.registeredDate[first] = NaN;
  b.dates.startedDate[first] = NaN;
  b.dates.producedDate[first] = NaN;
  b.industrial[first] = 1;
  const second = b.begin(3, "乙 项目", "乙项目", b.unitOfText("南关区", keyOf));
  b.setStage(second, null);
  b.investment[second] = NaN;
  b.setForeignInvestment(second, 80);
  b.currency[second] = 1;
  b.foreignShare[second] = NaN;
  b.fundsInPlace[second] = NaN;
  b.dates.signedDate[second] = NaN;
  b.dates.registeredDate[second] = NaN;
  b.dates.startedDate[second] = NaN;
  b.dates.producedDate[second] = NaN;
  b.industrial[second] = -1;
  b.unreadable[second] = 1;
  b.readText("remarks", (r) => (r === 3 ? "待定" : null));
  return b.build();
}

const firstRow: LedgerRow = {
  sheet: "台账",
  row: 2,
  name: "甲项目",
  nameKey: "甲项目",
  unit: "南关区",
  unitKey: "南关区",
  investor: null,
  industry: null,
  stage: "已签约",
  investorType: null,
  origin: null,
  remarks: null,
  provenance: null,
  investment: 5000,
  currency: "CNY",
  foreignShare: null,
  fundsInPlace: 1200,
  signedDate: new Date(Date.UTC(2026, 2, 5)),
  registeredDate: null,
  startedDate: null,
  producedDate: null,
  industrial: true,
  columns,
};

describe("a ledger held as columns", () => {
  it("builds each row object key for key as the row reader always has, optional keys last", () => {
    const c = built();
    expect(c.length).toBe(2);
    expect(ledgerRowAt(c, 0)).toEqual(firstRow);
    expect(Object.keys(ledgerRowAt(c, 0))).toEqual(Object.keys(firstRow));
    const second = ledgerRowAt(c, 1);
    expect(second).toMatchObject({
      name: "乙 项目",
      nameKey: "乙项目",
      investment: null,
      currency: "USD",
      foreignInvestment: 80,
      remarks: "待定",
      industrial: null,
      unreadable: ["investment"],
    });
    expect(Object.keys(second).slice(-2)).toEqual(["foreignInvestment", "unreadable"]);
    // Names that are their own keys share one array until one differs.
    expect(c.units).toEqual(["南关区"]);
    expect(c.nameKey).not.toBe(c.name);
  });

  it("shows its rows through the sheet to JSON, structured clone and spread, built once", () => {
    const c = built();
    const sheet = ledgerSheetOf(
      { sheet: "台账", headerRows: [0, 1], columns, investmentUnit: null },
      c
    );
    expect(ledgerColumns(sheet)).toBe(c);
    expect(sheet.rows).toBe(sheet.rows);
    const plain = JSON.parse(JSON.stringify(sheet)) as { rows: unknown[] };
    expect(Object.keys(plain)).toEqual([
      "sheet",
      "headerRows",
      "columns",
      "investmentUnit",
      "rows",
    ]);
    expect(plain.rows).toHaveLength(2);
    expect(structuredClone(sheet).rows[0]).toEqual(firstRow);
    expect({ ...sheet }.rows[1]?.name).toBe("乙 项目");
    const dated = withLedger(sheet, { statedYear: 2026 });
    expect(ledgerColumns(dated)).toBe(c);
    expect(dated.statedYear).toBe(2026);
    expect(dated.rows[0]).toEqual(firstRow);
  });

  it("takes a ledger made of row objects as it is (a hand-made sheet reads the same)", () => {
    const rows = [firstRow, { ...firstRow, row: 5, name: "丙", nameKey: "丙", stage: null }];
    const c = columnsOfRows(rows);
    expect(ledgerRowAt(c, 0)).toBe(rows[0]);
    expect(c.stages).toEqual(["已签约"]);
    expect(c.stage[1]).toBe(-1);
    expect(ledgerColumns({ ...ledgerSheetOf(firstSheet(), c) }).length).toBe(2);
  });
});

function firstSheet() {
  return { sheet: "台账", headerRows: [0], columns, investmentUnit: null };
}
