/**
 * Which sheets are the product's. Ownership comes only from the record the product keeps in its hidden state
 * sheet — each written sheet's kind, name, host identity and a digest of the values written — never from text
 * in a cell, which anyone can type. A recorded sheet that still has its name and its values is the product's
 * and may be replaced; one renamed with its values intact is an archive (product output, never replaced); one
 * whose values changed is the user's.
 */
import type { CellValue, WorkbookGrid } from "../grid/types";
import { OWNERSHIP_KEY } from "../plan/product-sheets";
import type { SheetKind } from "../plan/write-plan";
import { stateValueOf } from "../state/state-cells";
import { stateSheetOf } from "../state/state-sheet";
import { cellsDigest } from "./sheet-digest";

export interface OwnershipRecord {
  readonly kind: SheetKind;
  /** Name the sheet was written under; a sheet renamed since is an archive and the user's. */
  readonly name: string;
  /** `cellsDigest` of the values written. */
  readonly digest: string;
  /**
   * Host-qualified identities of the sheet: "xlsx:<sheetId>" (files), "office:<worksheet id>" (Excel). An id of
   * the reading host's family must match; a record without one (written by another host) matches by name.
   */
  readonly ids: readonly string[];
}

/** A workbook sheet as the ownership rules see it. */
export interface SheetIdentity {
  readonly name: string;
  /** Host-qualified id ("xlsx:3", "office:{…}"), null where the host gives none. */
  readonly id: string | null;
}

export interface ProductSheet {
  readonly kind: SheetKind;
  /** True while the sheet keeps its recorded name: the product may replace it; false for an archive. */
  readonly replaceable: boolean;
  readonly record: OwnershipRecord | null;
}

const KINDS: readonly SheetKind[] = [
  "ranking",
  "issues",
  "rules",
  "notice",
  "chart",
  "merged",
  "state",
  "sample",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Records from the state value; anything malformed is dropped (those sheets are then the user's). */
export function parseOwnershipRecords(json: string | null): OwnershipRecord[] {
  if (json === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((r): OwnershipRecord[] => {
    if (!isRecord(r)) return [];
    const kind = KINDS.find((k) => k === r["kind"]);
    const { name, digest, ids } = r;
    if (!kind || kind === "state" || typeof name !== "string" || typeof digest !== "string")
      return [];
    const idList = Array.isArray(ids) ? ids.filter((i): i is string => typeof i === "string") : [];
    return [{ kind, name, digest, ids: idList }];
  });
}

function family(id: string): string {
  const colon = id.indexOf(":");
  return colon < 0 ? "" : id.slice(0, colon);
}

/**
 * The product's sheets among `sheets`. `digestOf` is asked only for sheets a record points at, so a 100k-row
 * ledger is never hashed unless a record names it.
 */
export function identifyProductSheets<S extends SheetIdentity>(
  sheets: readonly S[],
  records: readonly OwnershipRecord[],
  digestOf: (sheet: S) => string | null,
  state: S | undefined
): Map<S, ProductSheet> {
  const found = new Map<S, ProductSheet>();
  // The state sheet is known by its signature (core/state/state-sheet.ts), never by its name alone.
  if (state) found.set(state, { kind: "state", replaceable: true, record: null });
  for (const record of records) {
    const sheet = recordedSheet(sheets, record);
    if (!sheet || found.has(sheet) || digestOf(sheet) !== record.digest) continue;
    found.set(sheet, { kind: record.kind, replaceable: sheet.name === record.name, record });
  }
  return found;
}

/** The sheets the records point at: the only ones whose values a host must read to check ownership. */
export function recordedSheets<S extends SheetIdentity>(
  sheets: readonly S[],
  records: readonly OwnershipRecord[]
): S[] {
  const out = new Set<S>();
  for (const record of records) {
    const sheet = recordedSheet(sheets, record);
    if (sheet) out.add(sheet);
  }
  return [...out];
}

function recordedSheet<S extends SheetIdentity>(
  sheets: readonly S[],
  record: OwnershipRecord
): S | undefined {
  const families = new Set(sheets.flatMap((s) => (s.id === null ? [] : [family(s.id)])));
  const ids = record.ids.filter((id) => families.has(family(id)));
  // The host's own identity decides: a same-named sheet with another id was deleted and made anew.
  if (ids.length > 0) return sheets.find((s) => s.id !== null && ids.includes(s.id));
  return sheets.find((s) => s.name === record.name);
}

/** What a writer needs to know about a workbook's ownership, small enough to post to a worker. */
export interface OwnershipSnapshot {
  /** Rows of the state sheet, kept when the state sheet is rewritten; empty when there is none. */
  readonly stateRows: readonly (readonly CellValue[])[];
  /** The workbook's sheets in order, each with the product kind it still is (null: the user's). */
  readonly sheets: readonly SnapshotSheet[];
}

export interface SnapshotSheet extends SheetIdentity {
  readonly product: ProductSheet | null;
}

/** Ownership records kept in the state rows. */
export function recordsOf(stateRows: readonly (readonly CellValue[])[]): OwnershipRecord[] {
  return parseOwnershipRecords(stateValueOf(stateRows, OWNERSHIP_KEY));
}

/**
 * Ownership of every sheet of a workbook read into a grid (sheets carry host ids where the adapter gives them).
 * @example snapshotOwnership(grid).sheets.filter((s) => s.product?.replaceable)
 */
export function snapshotOwnership(grid: WorkbookGrid): OwnershipSnapshot {
  const state = stateSheetOf(grid.sheets);
  const stateRows = state?.rows ?? [];
  const sheets = grid.sheets.map((s) => ({ name: s.name, id: s.id ?? null, sheet: s }));
  const products = identifyProductSheets(
    sheets,
    recordsOf(stateRows),
    (s) => cellsDigest(s.sheet.rows),
    sheets.find((s) => s.sheet === state)
  );
  return {
    stateRows,
    sheets: sheets.map((s) => ({ name: s.name, id: s.id, product: products.get(s) ?? null })),
  };
}

/** Sheet name → product kind, for recognition: those sheets are product output, never a data source. */
export function productSheetKinds(grid: WorkbookGrid): Map<string, SheetKind> {
  const kinds = new Map<string, SheetKind>();
  for (const s of snapshotOwnership(grid).sheets) if (s.product) kinds.set(s.name, s.product.kind);
  return kinds;
}
