/** The worksheet proxy: name, position, visibility, tab colour, ranges, used range, activate and delete. */
import type ExcelJS from "exceljs";
import { EmuChartCollection } from "./charts";
import { EmuClientObject } from "./client-object";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";
import { parseAddress } from "./addresses";
import { usedRect } from "./used-range";
import { FreezePanesProxy, PageLayoutProxy } from "./worksheet-layout";
import { areasSpec, EmuRange, EmuRangeAreas, rangeSpec } from "./range";
import { EmuWorksheetProtection } from "./protection";

type Visibility = "Visible" | "Hidden" | "VeryHidden";
const STATE_TO_VISIBILITY: Record<string, Visibility> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** Tab order: ExcelJS sorts `worksheets` by orderNo. */
function orderedSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets;
}

/** Gives every sheet a fresh orderNo in the given order (ExcelJS sorts `worksheets` by it). */
function reorder(list: ExcelJS.Worksheet[]): void {
  list.forEach((ws, i) => {
    (ws as unknown as { orderNo: number }).orderNo = i;
  });
}

/**
 * "Rename a worksheet" (support.microsoft.com): a name is not blank, has at most 31 characters, none of
 * / \ ? * : [ ], does not begin or end with an apostrophe, and is not "History" (reserved by Excel).
 * https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function checkSheetName(name: string): void {
  const bad =
    name.trim() === "" ||
    name.length > 31 ||
    /[/\\?*:[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history";
  if (bad) throw new EmulatorError("InvalidArgument", `the sheet name "${name}" is not allowed`);
}

/**
 * Protect Workbook (structure) forbids adding, deleting, renaming, moving, hiding and unhiding sheets
 * ("Protect a workbook", https://support.microsoft.com/en-us/office/protect-a-workbook-7E365A4D-3E89-4616-84CA-1931257C1517).
 * The error code is not documented; AccessDenied is the emulator's choice.
 */
export function checkStructure(session: EmulatorSession, what: string): void {
  if (session.options.structureProtected)
    throw new EmulatorError(
      "AccessDenied",
      `the workbook's structure is protected: cannot ${what}`
    );
}

export class EmuWorksheet
  extends EmuClientObject
  implements
    Pick<
      Excel.Worksheet,
      | "id"
      | "name"
      | "position"
      | "visibility"
      | "tabColor"
      | "isNullObject"
      | "activate"
      | "delete"
    >
{
  protected readonly loadable = [
    "name",
    "position",
    "visibility",
    "tabColor",
    "isNullObject",
    "id",
  ];
  private resolved: ExcelJS.Worksheet | null | undefined;

  constructor(
    session: EmulatorSession,
    private readonly resolve: () => ExcelJS.Worksheet | null,
    private readonly orNull = false
  ) {
    super(session);
  }

  /** The ExcelJS sheet, found when the first queued action that needs it runs (as Excel resolves proxies). */
  sheet(): ExcelJS.Worksheet {
    if (this.resolved === undefined) this.resolved = this.resolve();
    if (!this.resolved)
      throw new EmulatorError(
        this.orNull ? "InvalidOperation" : "ItemNotFound",
        "worksheet not found"
      );
    return this.resolved;
  }

  get protection(): EmuWorksheetProtection {
    return new EmuWorksheetProtection(this.session, () => this.sheet());
  }

  protected fetchProperty(name: string): unknown {
    if (name === "isNullObject") {
      if (this.resolved === undefined) this.resolved = this.resolve();
      return this.resolved === null;
    }
    if (this.orNull && this.resolve() === null) return undefined;
    const ws = this.sheet();
    switch (name) {
      case "name":
        return ws.name;
      case "id":
        return String(ws.id);
      case "position":
        return orderedSheets(this.session.workbook).indexOf(ws);
      case "visibility":
        return STATE_TO_VISIBILITY[ws.state] ?? "Visible";
      case "tabColor": {
        const argb = ws.properties.tabColor?.argb;
        return argb ? `#${argb.slice(2)}` : "";
      }
      default:
        throw new EmulatorError("InvalidArgument", name);
    }
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }
  get id(): string {
    return this.loadedValue("id");
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.session.queue(name, () => {
      const ws = this.sheet();
      checkStructure(this.session, "rename a sheet");
      checkSheetName(name);
      const clash = this.session.workbook.worksheets.find(
        (o) => o !== ws && o.name.toLowerCase() === name.toLowerCase()
      );
      if (clash) throw new EmulatorError("ItemAlreadyExists", `a sheet named ${name} exists`);
      ws.name = name;
    });
  }
  get position(): number {
    return this.loadedValue("position");
  }
  set position(position: number) {
    this.session.queue(position, () => {
      const ws = this.sheet();
      checkStructure(this.session, "move a sheet");
      const list = orderedSheets(this.session.workbook).filter((o) => o !== ws);
      list.splice(Math.min(position, list.length), 0, ws);
      reorder(list);
    });
  }
  get visibility(): Visibility {
    return this.loadedValue("visibility");
  }
  set visibility(v: Excel.SheetVisibility | Visibility) {
    this.session.queue(v, () => {
      checkStructure(this.session, "hide or show a sheet");
      this.sheet().state =
        v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
    });
  }
  get tabColor(): string {
    return this.loadedValue("tabColor");
  }
  set tabColor(color: string) {
    this.session.require("1.7", "Worksheet.tabColor");
    this.session.queue(color, () => {
      this.sheet().properties.tabColor = { argb: `FF${color.replace(/^#/, "").toUpperCase()}` };
    });
  }

  get charts(): EmuChartCollection {
    return new EmuChartCollection(this.session, () => this.sheet());
  }

  /** Manual page breaks, kept where ExcelJS writes them (`rowBreaks`, a break after row `id`). */
  get horizontalPageBreaks(): { add(pageBreakRange: string): void } {
    this.session.require("1.9", "Worksheet.horizontalPageBreaks");
    const session = this.session;
    const sheet = () => this.sheet();
    return {
      add(pageBreakRange: string) {
        session.queue(pageBreakRange, () => {
          const top = parseAddress(pageBreakRange).top;
          if (top < 1) throw new EmulatorError("InvalidArgument", "no page break above row 1");
          const ws = sheet() as unknown as {
            rowBreaks: { id: number; max: number; man: number }[];
          };
          ws.rowBreaks.push({ id: top, max: 16383, man: 1 });
        });
      },
    };
  }

  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.session, () => this.sheet());
  }
  get pageLayout(): PageLayoutProxy {
    this.session.require("1.9", "Worksheet.pageLayout");
    return new PageLayoutProxy(this.session, () => this.sheet());
  }

  activate(): void {
    this.session.queue("activate", () => {
      const ws = this.sheet();
      // Excel.Worksheet.activate: a hidden sheet cannot be activated ("InvalidOperation"; the pane must show it first).
      // https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)
      if (ws.state !== "visible")
        throw new EmulatorError("InvalidOperation", "cannot activate a hidden sheet");
      const wb = this.session.workbook;
      const index = orderedSheets(wb).indexOf(ws);
      const base = wb.views?.[0] ?? {
        x: 0,
        y: 0,
        width: 12000,
        height: 8000,
        visibility: "visible" as const,
      };
      wb.views = [{ ...base, firstSheet: 0, activeTab: index }];
      this.session.active = ws.name;
    });
  }

  delete(): void {
    this.session.queue("delete", () => {
      const ws = this.sheet();
      checkStructure(this.session, "delete a sheet");
      const visible = this.session.workbook.worksheets.filter((o) => o.state === "visible");
      if (visible.length === 1 && visible[0] === ws)
        throw new EmulatorError("InvalidOperation", "a workbook needs a visible sheet");
      this.session.workbook.removeWorksheet(ws.id);
    });
  }

  getRange(address?: string): EmuRange {
    const sheet = () => this.sheet();
    if (address === undefined)
      return new EmuRange(this.session, {
        sheet,
        rects: () => [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }],
      });
    return new EmuRange(this.session, rangeSpec(sheet, address));
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): EmuRange {
    const rect = {
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    };
    return new EmuRange(this.session, { sheet: () => this.sheet(), rects: () => [rect] });
  }

  getRanges(address: string): EmuRangeAreas {
    this.session.require("1.9", "Worksheet.getRanges");
    return new EmuRangeAreas(
      this.session,
      areasSpec(() => this.sheet(), address)
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): EmuRange {
    return new EmuRange(this.session, {
      sheet: () => this.sheet(),
      rects: () => {
        const r = usedRect(this.sheet(), valuesOnly === true);
        return r ? [r] : null;
      },
    });
  }

  getUsedRange(valuesOnly?: boolean): EmuRange {
    return new EmuRange(this.session, {
      sheet: () => this.sheet(),
      rects: () => [
        usedRect(this.sheet(), valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      ],
    });
  }
}
