/** The workbook and its worksheet collection. */
import type ExcelJS from "exceljs";
import { EmuClientObject } from "./client-object";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";
import { checkSheetName, checkStructure, EmuWorksheet } from "./worksheet";

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
        items = this.session.workbook.worksheets.map((ws) => {
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
      checkStructure(this.session, "add a sheet");
      checkSheetName(wanted);
      if (wb.worksheets.some((ws) => ws.name.toLowerCase() === wanted.toLowerCase())) {
        throw new EmulatorError("ItemAlreadyExists", `a sheet named ${wanted} exists`);
      }
      made = wb.addWorksheet(wanted);
    });
    return new EmuWorksheet(this.session, () => made);
  }
}

/** Workbook.protection (ExcelApi 1.7): whether the structure is protected (see checkStructure). */
export class EmuWorkbookProtection extends EmuClientObject {
  protected readonly loadable = ["protected"];
  protected fetchProperty(name: string): unknown {
    if (name === "protected") return this.session.options.structureProtected === true;
    throw new EmulatorError("InvalidArgument", name);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
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
  get protection(): EmuWorkbookProtection {
    this.session.require("1.7", "Workbook.protection");
    return new EmuWorkbookProtection(this.session);
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
