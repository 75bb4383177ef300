import { cellWindow, displayValue } from "../../src/web/cell-window";
import { sheet } from "../app/memory-host";

describe("cellWindow", () => {
  const rows = Array.from({ length: 100 }, (_, r) =>
    Array.from({ length: 20 }, (_, c) => `${r}:${c}`)
  );
  const big = sheet("台账", rows);

  it("centres a window on the cell and renders only that window", () => {
    const view = cellWindow(big, "J50")!;
    expect(view.rows).toHaveLength(17);
    expect(view.rows[0]).toBe(41);
    expect(view.cols.map(view.columnName)).toEqual(["G", "H", "I", "J", "K", "L", "M"]);
    expect(view.text(49, 9)).toBe("49:9");
    expect(view.target).toEqual({ row: 49, col: 9 });
  });

  it("stays inside the sheet near its edges and tolerates a cell beyond the data", () => {
    expect(cellWindow(big, "A1")!.rows[0]).toBe(0);
    expect(cellWindow(big, "T100")!.rows.at(-1)).toBe(99);
    const small = cellWindow(sheet("空", []), "C3")!;
    expect(small.rows).toEqual([0, 1, 2]);
    expect(small.text(2, 2)).toBe("");
    expect(cellWindow(big, "not a cell")).toBeNull();
  });

  it("shows dates, errors and numbers as text", () => {
    expect(displayValue(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01-05");
    expect(displayValue({ kind: "error", code: "#REF!" })).toBe("#REF!");
    expect(displayValue(3.5)).toBe("3.5");
    expect(displayValue(null)).toBe("");
  });
});
