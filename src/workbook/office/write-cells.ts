/**
 * 采用建议 inside Excel: text into a few of the user's cells, as typed text (a leading apostrophe, text-safety.ts),
 * so nothing the user sees as a name becomes a formula, a number or a date. Checked before anything is written: a
 * locked cell of a protected sheet or a formula cell is refused with nothing changed.
 */
import type { CellText } from "../host";
import { OfficeHostError } from "./host-error";
import { syncCounted } from "./sync";
import { typedText } from "./text-safety";
import type { OfficeHostStats } from "./types";

function refused(zh: string, en: string, sheet: string, cell: string): OfficeHostError {
  return new OfficeHostError(
    "cell_refused",
    `${zh}，未作改动。`,
    `${en}; nothing was changed.`,
    sheet,
    cell
  );
}

export async function writeCellTexts(
  context: Excel.RequestContext,
  sheet: string,
  cells: readonly CellText[],
  stats: OfficeHostStats
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const protection = ws.protection.load("protected");
  const ranges = cells.map((c) => {
    const range = ws.getRange(c.address).load("formulas");
    const locked = range.format.protection.load("locked");
    return { cell: c, range, locked };
  });
  await syncCounted(context, stats);
  for (const { cell, range, locked } of ranges) {
    if (protection.protected && locked.locked !== false)
      throw refused(
        `工作表“${sheet}”受保护，单元格 ${cell.address} 已锁定。请在“审阅 → 撤消工作表保护”后重试`,
        `The sheet "${sheet}" is protected and cell ${cell.address} is locked. Unprotect it (Review → Unprotect Sheet) and try again`,
        sheet,
        cell.address
      );
    const formula = range.formulas[0]?.[0];
    if (typeof formula === "string" && formula.startsWith("="))
      throw refused(
        `单元格 ${cell.address} 是公式，请修改它引用的单元格`,
        `Cell ${cell.address} holds a formula: correct the cell it refers to`,
        sheet,
        cell.address
      );
  }
  for (const { cell, range } of ranges) range.values = [[typedText(cell.text)]];
  await syncCounted(context, stats);
}
