/**
 * The 考核规则 sheet: every rule on its own row with Chinese labels and dropdowns, so a reviewer sees and edits
 * exactly the rules that produced a ranking. Written once with defaults; afterwards it is the user's sheet.
 * Layout: basic-rows.ts and indicator-columns.ts; writing: plan-rules-sheet.ts; reading: read-rules-sheet.ts.
 */
export * from "./rules-sheet-constants";
export { planRulesSheet } from "./plan-rules-sheet";
export { readRulesSheet } from "./read-rules-sheet";
