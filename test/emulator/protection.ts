/**
 * Sheet protection (Review → Protect Sheet) as ExcelJS keeps it: `ws.sheetProtection.sheet` on the sheet, and
 * `cell.protection.locked` per cell (locked unless a style says otherwise). Excel refuses writes to a locked cell of
 * a protected sheet; the error code is not documented, AccessDenied is the emulator's choice.
 */
import type ExcelJS from "exceljs";
import { EmuClientObject } from "./client-object";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";

export function sheetProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return p?.sheet === true;
}

export function cellLocked(cell: ExcelJS.Cell): boolean {
  return cell.protection?.locked !== false;
}

/** Throws as Excel does when a write would change a locked cell of a protected sheet. */
export function checkWritable(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  if (sheetProtected(ws) && cellLocked(cell))
    throw new EmulatorError("AccessDenied", `the cell ${cell.address} is on a protected sheet`);
}

/** Worksheet.protection (ExcelApi 1.2): whether the sheet is protected. */
export class EmuWorksheetProtection extends EmuClientObject {
  protected readonly loadable = ["protected"];
  constructor(
    session: EmulatorSession,
    private readonly sheet: () => ExcelJS.Worksheet
  ) {
    super(session);
  }
  protected fetchProperty(name: string): unknown {
    if (name === "protected") return sheetProtected(this.sheet());
    throw new EmulatorError("InvalidArgument", name);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

/** Range.format.protection (ExcelApi 1.2): locked is true, false, or null when the cells differ. */
export class EmuRangeProtection extends EmuClientObject {
  protected readonly loadable = ["locked"];
  constructor(
    session: EmulatorSession,
    private readonly cells: () => ExcelJS.Cell[]
  ) {
    super(session);
  }
  protected fetchProperty(name: string): unknown {
    if (name !== "locked") throw new EmulatorError("InvalidArgument", name);
    const locks = new Set(this.cells().map(cellLocked));
    return locks.size === 1 ? [...locks][0] : null;
  }
  get locked(): boolean | null {
    return this.loadedValue("locked");
  }
}
