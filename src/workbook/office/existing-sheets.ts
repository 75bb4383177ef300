/**
 * Executor: the workbook's sheets with their ids, and their ownership as report/ownership.ts defines it — the
 * records in the state sheet checked against the sheets they name (id, name, digest of their values) — plus the
 * state sheet's rows as they are now, so the state written is merged with what another runtime wrote since
 * this one read the workbook. +1 sync for the state sheet, +1 for the sheets its records name.
 */
import type { CellValue } from "../../core/grid";
import { isSignedState, isStateSheetName } from "../../core/state";
import {
  cellsDigest,
  identifyProductSheets,
  recordedSheets,
  recordsOf,
  type ExistingSheet,
  type OwnershipSnapshot,
} from "../../core/ownership";
import { rangeOfAddress } from "./addresses";
import type { DateSystem } from "../../core/grid";
import { officeCellValue } from "./cell-values";
import { syncCounted } from "./sync";
import type { OfficeHostStats } from "./types";

/** The host-qualified id ownership records keep for an Excel worksheet. */
export function officeSheetId(worksheetId: string): string {
  return `office:${worksheetId}`;
}

export interface ExistingWorkbook {
  /** Every sheet but `skip` ones (the product's scratch sheets), with its id and product kind. */
  readonly sheets: ExistingSheet[];
  /** Names of the skipped sheets. */
  readonly skipped: string[];
  /** Values of the state sheet from A1, as Office.js returns them, or null when there is none. */
  readonly wholeSheet: unknown[][] | null;
  /** Ownership as the planner reads it. */
  readonly snapshot: OwnershipSnapshot;
}

export interface ListOptions {
  /** Read the state sheet and the sheets its records name (needed when the plan has owned sheets). */
  readonly scanOwnership: boolean;
  readonly skip: (name: string) => boolean;
  readonly dateSystem: DateSystem;
}

interface Sheet {
  readonly name: string;
  readonly id: string;
  readonly position: number;
  readonly ws: Excel.Worksheet;
}

function loadUsed(ws: Excel.Worksheet): Excel.Range {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address,values,valueTypes,numberFormat");
  return used;
}

/** A used range's values placed at their sheet coordinates: raw (for merging) and as grid values (for digests). */
function valuesAt(
  range: Excel.Range,
  system: DateSystem
): { raw: unknown[][]; cells: CellValue[][] } {
  const { top, left } = rangeOfAddress(range.address);
  const raw: unknown[][] = Array.from({ length: top }, () => []);
  const cells: CellValue[][] = Array.from({ length: top }, () => []);
  range.values.forEach((row, i) => {
    raw.push([...Array<unknown>(left).fill(""), ...row]);
    const out: CellValue[] = Array<CellValue>(left).fill(null);
    row.forEach((v, j) =>
      out.push(officeCellValue(v, range.valueTypes[i]?.[j], range.numberFormat[i]?.[j], system))
    );
    cells.push(out);
  });
  return { raw, cells };
}

/**
 * Expects `worksheets.load("items/name,items/position,items/id")` to be queued and synced by the caller (it
 * rides along the run's first sync).
 */
export async function listExistingSheets(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  options: ListOptions,
  signal?: AbortSignal
): Promise<ExistingWorkbook> {
  const all = context.workbook.worksheets.items;
  const skipped = all.filter((ws) => options.skip(ws.name)).map((ws) => ws.name);
  const sheets: Sheet[] = all
    .filter((ws) => !options.skip(ws.name))
    .map((ws) => ({ name: ws.name, id: officeSheetId(ws.id), position: ws.position, ws }));
  // The state sheet is the one of a state-sheet name whose signature holds (usually one candidate, one sync).
  const candidates = options.scanOwnership
    ? sheets
        .filter((s) => isStateSheetName(s.name))
        .map((s) => ({ sheet: s, used: loadUsed(s.ws) }))
    : [];
  if (candidates.length > 0) await syncCounted(context, stats, signal);
  let state: Sheet | undefined;
  let whole: { raw: unknown[][]; cells: CellValue[][] } | null = null;
  for (const c of candidates) {
    const read = c.used.isNullObject
      ? { raw: [], cells: [] }
      : valuesAt(c.used, options.dateSystem);
    if (!isSignedState(read.cells)) continue;
    state = c.sheet;
    whole = read;
    break;
  }
  const stateRows = whole?.cells ?? [];
  const records = recordsOf(stateRows);
  const named = recordedSheets(sheets, records).map((s) => ({ sheet: s, used: loadUsed(s.ws) }));
  if (named.length > 0) await syncCounted(context, stats, signal);
  const digests = new Map(
    named.map(({ sheet, used }) => [
      sheet,
      cellsDigest(used.isNullObject ? [] : valuesAt(used, options.dateSystem).cells),
    ])
  );
  const products = identifyProductSheets(sheets, records, (s) => digests.get(s) ?? null, state);
  return {
    sheets: sheets.map((s) => {
      const product = products.get(s);
      return {
        name: s.name,
        position: s.position,
        id: s.id,
        ownedKind: product?.replaceable ? product.kind : null,
      };
    }),
    skipped,
    wholeSheet: whole ? whole.raw : null,
    snapshot: {
      stateRows,
      sheets: sheets.map((s) => ({ name: s.name, id: s.id, product: products.get(s) ?? null })),
    },
  };
}
