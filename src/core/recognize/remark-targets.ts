/**
 * "驻北京分局 | 4 | 全年目标5个": a table of what each unit did whose 备注 states the unit's target for the figure
 * on its left, with no targets sheet anywhere. Recognition reads such a sheet with the 备注 header read as
 * 全年目标 and each remark read as its figure (5), so the sheet is a 目标 / 完成 table of that indicator; the
 * user is told the targets came from the 备注. Without it the workbook had no targets at all.
 */
import type { CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { normalizeText } from "../text";
import { readNumberCell, textOf } from "./cell-values";
import { findHeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import { measureOf } from "./measure-words";
import { MergedCells } from "./merged-cells";

const MAX_ROWS = 2000;
const REMARKS = /^(备注|说明|备注说明)$/;
/** "全年目标5个", "目标：3个", "年度任务2亿元": the unit's target, and nothing else. */
const TARGET_REMARK =
  /^(?:全年|年度|本年度?)?(?:目标|任务|目标任务)(?:数)?[:：]?(\d+(?:\.\d+)?)(个|项|家|亿元|万元|亿美元|万美元)?$/;

export interface RemarkTargets {
  readonly sheet: SheetGrid;
  readonly issue: Issue;
}

export function remarkTargetSheet(sheet: SheetGrid): RemarkTargets | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const merged = new MergedCells(sheet);
  const block = findHeaderBlock(sheet, merged);
  if (!block) return null;
  const remark = block.columns.find((c) => REMARKS.test(c.leafNorm));
  const figure = block.columns.find((c) => remark !== undefined && c.col === remark.col - 1);
  // The figure beside it must be one an indicator's own (no 目标 / 完成率 of its own).
  if (!remark || !figure || measureOf(figure.leafNorm) !== null) return null;
  if (block.columns.some((c) => measureOf(c.leafNorm) === "target")) return null;
  // An amount keeps its unit as text ("2亿元"): beside 到位资金（万元） it is 20000, never 2.
  const targets = new Map<number, CellValue>();
  let other = 0;
  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const text = normalizeText(textOf(sheet.rows[r]?.[remark.col] ?? null));
    if (text === "") continue;
    const m = TARGET_REMARK.exec(text);
    const done = readNumberCell(sheet.rows[r]?.[figure.col] ?? null);
    if (m && done.kind === "number")
      targets.set(r, m[2] !== undefined && /元/.test(m[2]) ? `${m[1]}${m[2]}` : Number(m[1]));
    else other++;
  }
  if (targets.size < 3 || other > targets.size / 4) return null;
  const rows = sheet.rows.map((row, r): readonly CellValue[] => {
    const t = r === remark.headerRow ? "全年目标" : targets.get(r);
    if (t === undefined) return row;
    const out: CellValue[] = [...row];
    out[remark.col] = t;
    return out;
  });
  const issue = issueAt("indicator_paired", "info", sheet.name, remark.headerRow, remark.col, {
    zh: `“${remark.name}”列写明各单位的全年目标（如“${textOf(sheet.rows[[...targets.keys()][0] ?? 0]?.[remark.col] ?? null)}”），按“${figure.name}”的目标读取`,
    en: `the "${remark.name}" column states each unit's year target; it is read as the target of "${figure.name}"`,
  });
  return { sheet: { ...sheet, rows }, issue };
}
