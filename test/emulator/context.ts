/** The request context: queued actions run only at sync(), which counts round trips and payload bytes. */
import type ExcelJS from "exceljs";
import { EmulatorError } from "./errors";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface EmulatorStats {
  syncs: number;
  /** Sum over all syncs. */
  requestBytes: number;
  responseBytes: number;
  /** Largest single successful sync (request + response). */
  maxSyncBytes: number;
  /** Syncs refused for exceeding the payload limit (counted in `syncs` too). */
  refusedSyncs: number;
}

export interface EmulatorOptions {
  /** Highest ExcelApi version the emulated Excel supports ("1.7", "1.9", "1.13"...). */
  readonly apiVersion: string;
  readonly payloadLimit: number;
  /** Throws at this (1-based) sync after applying `afterActions` of its queued actions. */
  readonly failAt?: { readonly sync: number; readonly afterActions?: number };
  /**
   * An older Excel on the web build: an oversized response fails with GeneralException instead of
   * ResponsePayloadSizeLimitExceeded (see `sync`).
   */
  readonly oldBuild?: boolean;
  /** The user is typing in a cell: every batch fails (see `sync`). Mutable so a test can leave edit mode. */
  cellEditMode?: boolean;
  /** Review → Protect Workbook (structure): sheets cannot be added, deleted, renamed, moved, hidden or shown. */
  structureProtected?: boolean;
  /** Test guard, not an Excel behaviour: fail the sync after this many, so a runaway loop fails fast. */
  readonly maxSyncs?: number;
  /** Test hook: awaited before each sync is processed, to interleave another runtime's batches (two runtimes). */
  beforeSync?: (sync: number) => Promise<void>;
}

interface Action {
  readonly bytes: number;
  readonly run: () => void;
}

interface Load {
  /** Computes the snapshot at sync time; returns its JSON-encodable form for byte counting. */
  readonly fetch: () => unknown;
  /** Makes the snapshot visible to the proxy once the whole sync succeeded. */
  readonly commit: () => void;
}

/** State shared by every proxy of one `run`. */
export class EmulatorSession {
  private actions: Array<Action | { load: Load; bytes: number }> = [];
  selection: { sheet: string; address: string } | null = null;
  active: string | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly options: EmulatorOptions,
    readonly stats: EmulatorStats
  ) {}

  supports(version: string): boolean {
    return compareVersions(this.options.apiVersion, version) >= 0;
  }

  /** Calling an API the emulated Excel lacks fails like Office.js does. */
  require(version: string, api: string): void {
    if (!this.supports(version))
      throw new EmulatorError("ApiNotFound", `${api} needs ExcelApi ${version}`);
  }

  queue(payload: unknown, run: () => void): void {
    this.actions.push({ bytes: jsonBytes(payload) + 32, run });
  }

  queueLoad(fetch: () => unknown, commit: () => void, request: unknown): void {
    this.actions.push({ load: { fetch, commit }, bytes: jsonBytes(request) + 32 });
  }

  async sync(): Promise<void> {
    const actions = this.actions;
    this.actions = [];
    this.stats.syncs++;
    const syncNo = this.stats.syncs;
    if (this.options.maxSyncs !== undefined && syncNo > this.options.maxSyncs)
      throw new EmulatorError(
        "GeneralException",
        `test budget of ${this.options.maxSyncs} syncs spent`
      );
    if (this.options.beforeSync) await this.options.beforeSync(syncNo);
    // "Error handling with the application-specific JavaScript APIs" (InvalidOperationInCellEditMode: "The
    // operation isn't available while Excel is in Edit cell mode"):
    // https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling
    if (this.options.cellEditMode)
      throw new EmulatorError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
      );
    const request = actions.reduce((n, a) => n + a.bytes, 0);
    // "Resource limits and performance optimization for Office Add-ins", section "Excel add-ins": Excel on the
    // web limits requests and responses to 5 MB; a larger request fails with RequestPayloadSizeLimitExceeded.
    // https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
    if (request > this.options.payloadLimit) {
      this.stats.refusedSyncs++;
      throw new EmulatorError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    }
    const fail = this.options.failAt;
    const failHere = fail !== undefined && fail.sync === this.stats.syncs;
    const commits: Array<() => void> = [];
    let response = 0;
    for (let i = 0; i < actions.length; i++) {
      if (failHere && i === (fail.afterActions ?? 0))
        throw new EmulatorError("GeneralException", "forced failure");
      const a = actions[i];
      if (!a) continue;
      if ("run" in a) a.run();
      else {
        response += jsonBytes(a.load.fetch());
        commits.push(a.load.commit);
      }
    }
    if (failHere) throw new EmulatorError("GeneralException", "forced failure");
    // Same page: a response above 5 MB fails with ResponsePayloadSizeLimitExceeded ("application-specific API
    // error handling" lists both codes); older builds report it as GeneralException. Either way none of the
    // batch's loads reach the proxies, but the writes queued before them have run (Excel batches are not
    // transactions).
    if (response > this.options.payloadLimit) {
      this.stats.refusedSyncs++;
      throw new EmulatorError(
        this.options.oldBuild ? "GeneralException" : "ResponsePayloadSizeLimitExceeded",
        `response of ${response} bytes`
      );
    }
    this.stats.requestBytes += request;
    this.stats.responseBytes += response;
    this.stats.maxSyncBytes = Math.max(this.stats.maxSyncBytes, request + response);
    for (const commit of commits) commit();
    await Promise.resolve();
  }
}

export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value) ?? "");
}

/** UTF-8 size: Buffer in Node, TextEncoder in a browser (the e2e harness runs the emulator in chromium). */
function utf8Length(text: string): number {
  return typeof Buffer === "undefined"
    ? new TextEncoder().encode(text).length
    : Buffer.byteLength(text, "utf8");
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
