import type { SheetGrid, WorkbookGrid } from "../grid";
import type { RecognitionOverrides, SheetRole } from "../model";
import { parseOwnerMarker, STATE_SHEET_NAME } from "../report/ownership";
import { normalizeText } from "../text";

/** Markers sit in a footer or a first row: look at the edges, never at every cell of a 100k-row ledger. */
const EDGE_ROWS = 60;

/** Role of a sheet the product wrote, from its ownership marker; null for a user's sheet. */
export function ownedRole(sheet: SheetGrid): SheetRole | null {
  if (sheet.name === STATE_SHEET_NAME) return "other";
  const n = sheet.rows.length;
  for (let r = 0; r < n; r++) {
    if (r === EDGE_ROWS && n > 2 * EDGE_ROWS) r = n - EDGE_ROWS;
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v !== "string" || !v.includes("[scorecard:")) continue;
      const kind = parseOwnerMarker(v);
      if (kind === "rules") return "rules";
      if (kind === "state") return "other";
      if (kind !== null) return "output";
    }
  }
  return null;
}

export function isRulesSheetName(name: string): boolean {
  const n = normalizeText(name);
  return (
    n.includes("考核规则") ||
    n === "规则" ||
    n === "rules" ||
    n === "scoringrules" ||
    n === "assessmentrules"
  );
}

const ACTUAL_WORDS = /完成|进度|情况|实绩|报送|actual|progress|achieved|result|report/;
const TARGET_WORDS = /目标|任务|分解|计划|指标表|target|plan|goal|quota/;
const LAST_YEAR_WORDS = /去年|上年|lastyear|prioryear|previousyear/;

/**
 * "targets" / "actuals" from the sheet name, else from its titles; "last_year" when the sheet name says it
 * holds last year's figures (titles often mention 去年同期 only to compare); null when nothing says.
 */
export function tableKindFromWords(
  name: string,
  above: readonly string[]
): "targets" | "actuals" | "last_year" | null {
  if (LAST_YEAR_WORDS.test(normalizeText(name))) return "last_year";
  for (const text of [name, above.join(" ")]) {
    const n = normalizeText(text);
    const actual = ACTUAL_WORDS.exec(n);
    const target = TARGET_WORDS.exec(n);
    // "目标完成情况" is about completion; "完成目标分解" (rare) about targets: the later word is the noun.
    if (actual && target) return actual.index > target.index ? "actuals" : "targets";
    if (actual) return "actuals";
    if (target) return "targets";
  }
  return null;
}

export function isEmptySheet(sheet: SheetGrid): boolean {
  for (const row of sheet.rows)
    for (const v of row)
      if (v !== null && !(typeof v === "string" && v.trim() === "")) return false;
  return true;
}

/** The visible 考核规则 sheet (by the user's word, our marker or its name), before anything else is read. */
export function findRulesSheet(
  grid: WorkbookGrid,
  overrides: RecognitionOverrides = {}
): SheetGrid | null {
  for (const sheet of grid.sheets) {
    const forced = overrides.roles?.[sheet.name];
    if (forced !== undefined) {
      if (forced === "rules") return sheet;
      continue;
    }
    if (sheet.hidden) continue;
    if (isRulesSheetName(sheet.name) || ownedRole(sheet) === "rules") return sheet;
  }
  return null;
}
