/** Workbook, worksheet collection and worksheet proxies (with freeze panes and page layout). */
import type ExcelJS from "exceljs";
import { toA1 } from "../../src/core/grid";
import type { Rect } from "./addresses";
import { hasValue } from "./cells";
import { EmuClientObject } from "./client-object";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";
import { areasSpec, EmuRange, EmuRangeAreas, rangeSpec } from "./range";

type Visibility = "Visible" | "Hidden" | "VeryHidden";
const STATE_TO_VISIBILITY: Record<string, Visibility> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

function orderedSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets;
}

/** Gives every sheet a fresh orderNo in the given order (ExcelJS sorts `worksheets` by it). */
function reorder(list: ExcelJS.Worksheet[]): void {
  list.forEach((ws, i) => {
    (ws as unknown as { orderNo: number }).orderNo = i;
  });
}

function usedRect(ws: ExcelJS.Worksheet): Rect | null {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!hasValue(cell)) return;
      top = Math.min(top, r - 1);
      bottom = Math.max(bottom, r - 1);
      left = Math.min(left, c - 1);
      right = Math.max(right, c - 1);
    });
  });
  return bottom < 0 ? null : { top, left, bottom, right };
}

class FreezePanesProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly sheet: () => ExcelJS.Worksheet
  ) {}
  private freeze(rows: number, columns: number): void {
    this.session.queue({ rows, columns }, () => {
      this.sheet().views = [
        {
          state: "frozen",
          xSplit: columns,
          ySplit: rows,
          topLeftCell: toA1(rows, columns),
          activeCell: "A1",
        },
      ];
    });
  }
  freezeRows(count?: number): void {
    this.freeze(count ?? 1, 0);
  }
  freezeColumns(count?: number): void {
    this.freeze(0, count ?? 1);
  }
  freezeAt(range: EmuRange | string): void {
    if (typeof range === "string") throw new Error("emulator: pass a Range to freezeAt");
    this.session.queue("freezeAt", () => {
      const r = (range as unknown as { spec: { rects: () => Rect[] | null } }).spec.rects()?.[0];
      if (!r) throw new EmulatorError("InvalidArgument", "freezeAt");
      this.sheet().views = [
        {
          state: "frozen",
          xSplit: r.right + 1,
          ySplit: r.bottom + 1,
          topLeftCell: toA1(r.bottom + 1, r.right + 1),
          activeCell: "A1",
        },
      ];
    });
  }
}

class PageLayoutProxy {
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly session: EmulatorSession,
    private readonly sheet: () => ExcelJS.Worksheet
  ) {
    const setup = (patch: Partial<ExcelJS.PageSetup>) => this.setup(patch);
    const footer = (text: string) =>
      session.queue(text, () => {
        const ws = sheet();
        ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${text}` };
      });
    void setup;
    this.headersFooters = {
      defaultForAllPages: {
        set centerFooter(v: string) {
          footer(v);
        },
        get centerFooter(): string {
          throw new EmulatorError("PropertyNotLoaded", "centerFooter");
        },
      },
    };
  }
  private setup(patch: Partial<ExcelJS.PageSetup>): void {
    this.session.queue(patch, () => {
      const ws = this.sheet();
      ws.pageSetup = { ...ws.pageSetup, ...patch };
    });
  }
  private margin(key: keyof ExcelJS.Margins, points: number): void {
    this.session.queue(points, () => {
      const ws = this.sheet();
      const margins = {
        left: 0.7,
        right: 0.7,
        top: 0.75,
        bottom: 0.75,
        header: 0.3,
        footer: 0.3,
        ...ws.pageSetup.margins,
      };
      ws.pageSetup = { ...ws.pageSetup, margins: { ...margins, [key]: points / 72 } };
    });
  }
  set orientation(v: string) {
    this.setup({ orientation: v === "Landscape" ? "landscape" : "portrait" });
  }
  set paperSize(v: string) {
    if (v !== "A4") throw new Error(`emulator knows A4 only, not ${v}`);
    this.setup({ paperSize: 9 });
  }
  set zoom(z: Excel.PageLayoutZoomOptions) {
    this.setup({
      fitToPage: true,
      fitToWidth: z.horizontalFitToPages ?? 1,
      fitToHeight: z.verticalFitToPages ?? 0,
    });
  }
  set centerHorizontally(v: boolean) {
    this.setup({ horizontalCentered: v });
  }
  set leftMargin(v: number) {
    this.margin("left", v);
  }
  set rightMargin(v: number) {
    this.margin("right", v);
  }
  set topMargin(v: number) {
    this.margin("top", v);
  }
  set bottomMargin(v: number) {
    this.margin("bottom", v);
  }
  set headerMargin(v: number) {
    this.margin("header", v);
  }
  set footerMargin(v: number) {
    this.margin("footer", v);
  }
  setPrintTitleRows(rows: string): void {
    this.setup({ printTitlesRow: rows.replace(/\$/g, "") });
  }
}

export class EmuWorksheet
  extends EmuClientObject
  implements
    Pick<
      Excel.Worksheet,
      "name" | "position" | "visibility" | "tabColor" | "isNullObject" | "activate" | "delete"
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
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.session.queue(name, () => {
      const ws = this.sheet();
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
    void valuesOnly;
    return new EmuRange(this.session, {
      sheet: () => this.sheet(),
      rects: () => {
        const r = usedRect(this.sheet());
        return r ? [r] : null;
      },
    });
  }

  getUsedRange(valuesOnly?: boolean): EmuRange {
    void valuesOnly;
    return new EmuRange(this.session, {
      sheet: () => this.sheet(),
      rects: () => [usedRect(this.sheet()) ?? { top: 0, left: 0, bottom: 0, right: 0 }],
    });
  }
}

export class EmuWorksheetCollection extends EmuClientObject {
  protected readonly loadable = ["items"];
  private itemNames: string[] = [];

  protected fetchProperty(): unknown {
    return null;
  }

  /** "items/name,items/position" loads those properties of every sheet. */
  override load(names?: string | string[]): this {
    const list =
      typeof names === "string" ? names.split(",").map((s) => s.trim()) : (names ?? ["items/name"]);
    const props = list
      .map((n) => n.replace(/^items\//, ""))
      .filter((n) => n !== "items" && n !== "");
    let items: EmuWorksheet[] = [];
    this.session.queueLoad(
      () => {
        items = orderedSheets(this.session.workbook).map((ws) => {
          const item = new EmuWorksheet(this.session, () => ws);
          for (const p of props)
            item.preload(
              p,
              (item as unknown as { fetchProperty(n: string): unknown }).fetchProperty(p)
            );
          return item;
        });
        return items.map((i) => i.toJSON());
      },
      () => {
        this.preload("items", items);
        this.itemNames = items.map((i) => i.name);
      },
      list
    );
    return this;
  }

  get items(): EmuWorksheet[] {
    void this.itemNames;
    return this.loadedValue("items");
  }

  getItem(key: string): EmuWorksheet {
    return new EmuWorksheet(
      this.session,
      () =>
        this.session.workbook.worksheets.find(
          (ws) => ws.name.toLowerCase() === key.toLowerCase()
        ) ?? null
    );
  }

  getItemOrNullObject(key: string): EmuWorksheet {
    return new EmuWorksheet(
      this.session,
      () =>
        this.session.workbook.worksheets.find(
          (ws) => ws.name.toLowerCase() === key.toLowerCase()
        ) ?? null,
      true
    );
  }

  add(name?: string): EmuWorksheet {
    let made: ExcelJS.Worksheet | null = null;
    this.session.queue(name ?? "", () => {
      const wb = this.session.workbook;
      const wanted = name ?? `Sheet${wb.worksheets.length + 1}`;
      if (wb.worksheets.some((ws) => ws.name.toLowerCase() === wanted.toLowerCase())) {
        throw new EmulatorError("ItemAlreadyExists", `a sheet named ${wanted} exists`);
      }
      made = wb.addWorksheet(wanted);
    });
    return new EmuWorksheet(this.session, () => made);
  }
}

export class EmuWorkbook extends EmuClientObject {
  protected readonly loadable = ["name"];
  readonly worksheets: EmuWorksheetCollection;
  constructor(
    session: EmulatorSession,
    private readonly fileName: string
  ) {
    super(session);
    this.worksheets = new EmuWorksheetCollection(session);
  }
  protected fetchProperty(name: string): unknown {
    this.session.require("1.7", "Workbook.name");
    if (name === "name") return this.fileName;
    throw new EmulatorError("InvalidArgument", name);
  }
  get name(): string {
    return this.loadedValue("name");
  }
}
