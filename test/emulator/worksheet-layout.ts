/** Worksheet.freezePanes and Worksheet.pageLayout, written into the ExcelJS sheet's views and page setup. */
import type ExcelJS from "exceljs";
import { toA1 } from "../../src/core/grid";
import type { Rect } from "./addresses";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";
import type { EmuRange } from "./range";

/**
 * Freeze panes and page layout on a hidden sheet: Excel throws instead of applying them (office-js issue #1463,
 * "unfreeze() throws an exception when trying to unfreeze panes on hidden sheets",
 * https://github.com/OfficeDev/office-js/issues/1463; issue #1860, fit-to-page zoom not applied to a sheet
 * that is not shown, https://github.com/OfficeDev/office-js/issues/1860). The emulator models the strict
 * reading: both fail on a sheet that is not visible, so the adapter must set them after the sheet is shown.
 */
function requireVisible(ws: ExcelJS.Worksheet, what: string): ExcelJS.Worksheet {
  if (ws.state !== "visible")
    throw new EmulatorError("GeneralException", `${what} on the hidden sheet ${ws.name}`);
  return ws;
}

export class FreezePanesProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly sheet: () => ExcelJS.Worksheet
  ) {}
  private freeze(rows: number, columns: number): void {
    this.session.queue({ rows, columns }, () => {
      requireVisible(this.sheet(), "freezePanes").views = [
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
      requireVisible(this.sheet(), "freezePanes").views = [
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

export class PageLayoutProxy {
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly session: EmulatorSession,
    private readonly sheet: () => ExcelJS.Worksheet
  ) {
    const footer = (text: string) =>
      session.queue(text, () => {
        const ws = requireVisible(sheet(), "pageLayout");
        ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${text}` };
      });
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
      const ws = requireVisible(this.sheet(), "pageLayout");
      ws.pageSetup = { ...ws.pageSetup, ...patch };
    });
  }
  private margin(key: keyof ExcelJS.Margins, points: number): void {
    this.session.queue(points, () => {
      const ws = requireVisible(this.sheet(), "pageLayout");
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
