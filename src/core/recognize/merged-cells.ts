import { cellAt, type CellRange, type CellValue, type SheetGrid } from "../grid";

/**
 * Reads through merged areas in O(1): the grid's `mergedValueAt` scans every merge per call, too slow for
 * ledgers whose unit column is merged down over many project rows.
 */
export class MergedCells {
  private readonly anchors = new Map<number, number>();
  private readonly width: number;

  constructor(private readonly sheet: SheetGrid) {
    let width = 1;
    for (const m of sheet.merges) width = Math.max(width, m.right + 1);
    this.width = width;
    for (const m of sheet.merges) {
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 1_000_000) continue;
      const anchor = m.top * width + m.left;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.anchors.set(r * width + c, anchor);
    }
  }

  value(row: number, col: number): CellValue {
    const own = cellAt(this.sheet, row, col);
    if (own !== null || col >= this.width || this.anchors.size === 0) return own;
    const anchor = this.anchors.get(row * this.width + col);
    if (anchor === undefined) return null;
    return cellAt(this.sheet, Math.floor(anchor / this.width), anchor % this.width);
  }

  /** The merge containing the cell, if any. */
  areaAt(row: number, col: number): CellRange | null {
    for (const m of this.sheet.merges)
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    return null;
  }
}
