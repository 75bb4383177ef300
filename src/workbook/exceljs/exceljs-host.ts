/**
 * WorkbookHost for the web page: the workbook is the bytes of an .xlsx held in memory, parsed and written with
 * ExcelJS (through an XlsxCodec, in a worker for large files). Nothing leaves the browser.
 */
import type { WorkbookGrid } from "../../core/grid";
import { snapshotOwnership } from "../../core/ownership";
import type { WorkbookHost } from "../host";
import type { XlsxCodec } from "./xlsx-codec";

export interface CellSelection {
  readonly sheet: string;
  readonly address: string;
}

export interface ExcelJsHost extends WorkbookHost {
  /** Current bytes (after every applied plan), for download. */
  bytes(): ArrayBuffer;
  readonly fileName: string;
  /** The grid last read, for the cell preview. */
  lastGrid(): WorkbookGrid | null;
  /** Called when the session selects a cell (clicking an issue, opening a sheet). */
  onSelect(listener: (selection: CellSelection) => void): () => void;
  /** True once a plan has been applied. */
  changed(): boolean;
}

export function createExcelJsHost(
  initial: ArrayBuffer,
  fileName: string,
  codec: XlsxCodec
): ExcelJsHost {
  let buffer = initial;
  let grid: WorkbookGrid | null = null;
  let dirty = false;
  const listeners = new Set<(selection: CellSelection) => void>();

  return {
    fileName,
    bytes: () => buffer,
    lastGrid: () => grid,
    changed: () => dirty,
    async readGrid(onProgress, signal) {
      if (!grid)
        grid = await codec.read(
          buffer,
          fileName,
          (fraction, detail) =>
            onProgress?.({ phase: "read", fraction, ...(detail ? { detail } : {}) }),
          signal
        );
      else onProgress?.({ phase: "read", fraction: 1 });
      return grid;
    },
    async applyPlan(plan, onProgress, signal) {
      // Ownership is read from the bytes being written into: after an earlier plan, read them again first.
      grid ??= await codec.read(buffer, fileName, undefined, signal);
      const out = await codec.apply(
        buffer,
        plan,
        snapshotOwnership(grid),
        (fraction) => onProgress?.({ phase: "write", fraction }),
        signal
      );
      buffer = out.buffer;
      grid = null;
      dirty = true;
      return out.applied;
    },
    async writeCells(sheet, cells, signal) {
      buffer = await codec.writeCells(buffer, sheet, cells, signal);
      grid = null;
      dirty = true;
    },
    async selectCell(sheet, address) {
      // The preview needs the cells: after a write the grid is re-read once, here rather than on every render.
      if (!grid) grid = await codec.read(buffer, fileName);
      for (const listener of listeners) listener({ sheet, address });
    },
    onSelect(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
