/** The seams of the Office.js adapter: injected so tests pass the emulator instead of the real globals. */

/** `Excel.run` as the adapter calls it (one batch function, one result). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`. */
export type SetSupport = (name: string, version?: string) => boolean;

export interface OfficeLimits {
  /** Excel on the web refuses a request or response above 5 MB; plans stay under this. */
  readonly maxPayloadBytes: number;
  /** Estimated response bytes per cell read (value + number format + value type, JSON-encoded). */
  readonly readBytesPerCell: number;
  /** Longest address string passed to one `getRanges` call. */
  readonly maxAreasAddressLength: number;
  /** Columns whose hidden flag is read (best-effort). */
  readonly maxHiddenColumnScan: number;
  /**
   * Most cells one read loads across the workbook. A used range beyond it (a stray value at XFD1048576) is
   * narrowed to where the data is; a workbook still beyond it is refused with a message.
   */
  readonly maxCellsRead: number;
  /** Rows × columns of tiles whose used ranges locate the data inside an oversized used range. */
  readonly extentTiles: number;
}

export const DEFAULT_LIMITS: OfficeLimits = {
  // Headroom under 5 MB for JSON envelope and estimation error.
  maxPayloadBytes: 4 * 1024 * 1024,
  readBytesPerCell: 96,
  maxAreasAddressLength: 2000,
  maxHiddenColumnScan: 256,
  // "Read or write to a large range using the Excel JavaScript API": large ranges fail from resource limits,
  // so reads stay well below Excel's 17 billion cells. 4 million cells is 500,000 ledger rows of 8 columns.
  maxCellsRead: 4_000_000,
  extentTiles: 32,
};

/** What the adapter measured, for tests and the bench. */
export interface OfficeHostStats {
  syncs: number;
  /** Estimated request + response bytes the adapter planned. */
  plannedBytes: number;
}

export function newStats(): OfficeHostStats {
  return { syncs: 0, plannedBytes: 0 };
}
