/**
 * An emulator of the Excel JavaScript API subset the Office adapter uses, backed by a real ExcelJS workbook.
 *
 * Typing: each proxy class `implements Pick<Excel.X, ...>` for the members it emulates, so the compiler checks
 * their names and types against @types/office-js; the adapter itself is typed against the full `Excel.*`
 * interfaces, and the one cast between the two is in `run` below (`as unknown as Excel.RequestContext`).
 * Calling a member the emulator lacks therefore fails at run time in tests (TypeError), never silently.
 */
import ExcelJS from "exceljs";
import type { ExcelRun } from "../../src/workbook/office";
import {
  EmulatorSession,
  PAYLOAD_LIMIT,
  type EmulatorOptions,
  type EmulatorStats,
} from "./context";
import { chartsOn, type ChartModel } from "./charts";
import { EmulatorError } from "./errors";
import { EmuWorkbook } from "./workbook";

export { EmulatorError } from "./errors";
export { sourceAddress, type ChartModel, type SeriesModel } from "./charts";
export type { EmulatorStats } from "./context";

class EmuApplication {
  constructor(private readonly session: EmulatorSession) {}
  suspendApiCalculationUntilNextSync(): void {
    this.session.require("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.session.queue("suspend", () => undefined);
  }
}

export class EmuRequestContext implements Pick<Excel.RequestContext, "sync"> {
  readonly workbook: EmuWorkbook;
  readonly application: EmuApplication;
  constructor(
    private readonly session: EmulatorSession,
    fileName: string
  ) {
    this.workbook = new EmuWorkbook(session, fileName);
    this.application = new EmuApplication(session);
  }
  sync<T>(passThroughValue?: T): Promise<T> {
    return this.session.sync().then(() => passThroughValue as T);
  }
}

export interface ExcelEmulatorOptions extends Partial<EmulatorOptions> {
  readonly fileName?: string;
}

export class ExcelEmulator {
  readonly stats: EmulatorStats = {
    syncs: 0,
    requestBytes: 0,
    responseBytes: 0,
    maxSyncBytes: 0,
    refusedSyncs: 0,
  };
  readonly options: EmulatorOptions;
  private readonly fileName: string;
  /** What the last `run` selected / activated (selectCell). */
  lastSelection: { sheet: string; address: string } | null = null;
  lastActive: string | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    options: ExcelEmulatorOptions = {}
  ) {
    const { fileName: _fileName, ...rest } = options;
    void _fileName;
    this.options = {
      ...rest,
      apiVersion: options.apiVersion ?? "1.13",
      payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
    };
    this.fileName = options.fileName ?? "Book1.xlsx";
  }

  static async fromBuffer(
    bytes: Uint8Array,
    options: ExcelEmulatorOptions = {}
  ): Promise<ExcelEmulator> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    return new ExcelEmulator(wb, options);
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }

  /** `Office.context.requirements.isSetSupported` of the emulated Excel. */
  readonly isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const session = new EmulatorSession(this.workbook, this.options, this.stats);
    return version === undefined || session.supports(version);
  };

  /** `Excel.run`: one context per batch; the batch's pending actions are dropped if it does not sync them. */
  readonly run: ExcelRun = async <T>(
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    const session = new EmulatorSession(this.workbook, this.options, this.stats);
    const context = new EmuRequestContext(session, this.fileName);
    try {
      return await batch(context as unknown as Excel.RequestContext);
    } finally {
      this.lastSelection = session.selection ?? this.lastSelection;
      this.lastActive = session.active ?? this.lastActive;
    }
  };

  /** The charts on a sheet, as the emulated Excel holds them (ExcelJS's model has none). */
  charts(sheet: string): readonly ChartModel[] {
    const ws = this.workbook.worksheets.find((w) => w.name === sheet);
    return ws ? chartsOn(ws) : [];
  }

  resetStats(): void {
    Object.assign(this.stats, {
      syncs: 0,
      requestBytes: 0,
      responseBytes: 0,
      maxSyncBytes: 0,
      refusedSyncs: 0,
    });
  }
}

export function isEmulatorError(err: unknown, code?: string): err is EmulatorError {
  return err instanceof EmulatorError && (code === undefined || err.code === code);
}
