/** What the harness page exposes on `window.__emulator` for the Node side of the test (page.evaluate). */
export interface HarnessStats {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxSyncBytes: number;
  refusedSyncs: number;
}

export interface HarnessHandle {
  /** Resolves once the fixture is loaded into the emulator. */
  ready(): Promise<void>;
  stats(): HarnessStats;
  resetStats(): void;
  /** The sheet and cell the last Excel.run selected. */
  selection(): { sheet: string; address: string } | null;
  active(): string | null;
  sheetNames(): string[];
  /** The emulator's workbook written as .xlsx, base64 (ExcelJS `writeBuffer`). */
  workbookBase64(): Promise<string>;
}
