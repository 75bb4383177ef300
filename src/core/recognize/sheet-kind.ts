import type { SheetGrid, WorkbookGrid } from "../grid";
import type { RecognitionOverrides, SheetRole } from "../model";
import type { SheetKind } from "../plan/write-plan";
import { RULES_SECTIONS } from "../rules/rules-sheet-constants";
import { normalizeText } from "../text";

/**
 * Role of a sheet the product wrote, from the ownership records (`productKinds`, report/ownership.ts), never
 * from text in a cell; null for a user's sheet. A 考核规则 sheet is the user's once written and is known by its
 * layout instead (`looksLikeRulesSheet`).
 */
export function ownedRole(
  sheet: SheetGrid,
  productKinds: ReadonlyMap<string, SheetKind>
): SheetRole | null {
  const kind = productKinds.get(sheet.name);
  if (kind === undefined) return null;
  if (kind === "rules") return "rules";
  return kind === "state" ? "other" : "output";
}

/** Rows searched for the 【基本设置】 heading the product's rules sheet starts with. */
const RULES_HEADING_ROWS = 10;

/** A rules sheet in the product's layout (its 【基本设置】 section near the top), whatever its name. */
export function looksLikeRulesSheet(sheet: SheetGrid): boolean {
  return sheet.rows
    .slice(0, RULES_HEADING_ROWS)
    .some((r) => typeof r[0] === "string" && r[0].trim() === RULES_SECTIONS.basic);
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
  // The line nearest the header speaks for the table: a 简报 tells its totals in a paragraph ("完成年度目标的
  // 85%") before "二、各镇街1-9月完成情况" heads the table.
  for (const text of [name, ...[...above].reverse()]) {
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

/** The visible 考核规则 sheet (by the user's word, its name or its layout), before anything else is read. */
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
    if (isRulesSheetName(sheet.name) || looksLikeRulesSheet(sheet)) return sheet;
  }
  return null;
}
