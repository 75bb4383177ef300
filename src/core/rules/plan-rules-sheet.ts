import { toA1 } from "../grid/address";
import { SheetBuilder, rangeA1 } from "../plan/sheet-builder";
import type { SheetPlan } from "../plan/write-plan";
import type { RuleSet } from "./schema";
import { BASIC_ROWS } from "./basic-rows";
import { INDICATOR_COLUMNS } from "./indicator-columns";
import {
  BAND_HEADERS,
  GRADE_HEADERS,
  RULES_SECTIONS,
  RULES_SHEET_NAME,
} from "./rules-sheet-constants";

const HEADER_STYLE = {
  bold: true,
  fill: "D9D9D9",
  border: "thin",
  horizontal: "center",
  wrap: true,
} as const;
const SECTION_STYLE = { bold: true, fontSize: 12 } as const;
const CELL_STYLE = { border: "thin" } as const;
/** Rows left under the indicator table with dropdowns, for indicators a user adds. */
const SPARE_INDICATOR_ROWS = 20;

/** A 考核规则 sheet holding `rules`, owned by the user once written (re-runs never replace it). */
export function planRulesSheet(rules: RuleSet, name: string = RULES_SHEET_NAME): SheetPlan {
  const b = new SheetBuilder(name, "rules", false);
  b.set(0, 0, "考核规则");
  b.style({ bold: true, fontSize: 16 }, 0, 0);
  b.merge(0, 0, 0, 5);
  b.set(
    1,
    0,
    "本表列出本次考核使用的全部规则，可直接修改：带下拉箭头的单元格请从列表中选择；重新考核时按本表计算，本表不会被覆盖。无法识别的取值将改用默认值并在“校验结果”中说明。"
  );
  b.style({ wrap: true, italic: true, fontColor: "404040" }, 1, 0);
  b.merge(1, 0, 1, 8);
  b.height(1, 32);

  // Each section starts one blank row below the one before.
  let row = writeBasicRows(b, rules, 3);
  row = writeBands(b, rules, row + 1);
  row = writeGrades(b, rules, row + 1);
  writeIndicators(b, rules, row + 1);

  const widths = INDICATOR_COLUMNS.map((c) => c.width);
  widths[0] = 22;
  widths[1] = Math.max(widths[1] ?? 0, 26);
  widths[2] = Math.max(widths[2] ?? 0, 40);
  return b.build({
    columnWidths: widths,
    freeze: { rows: 0, columns: 1 },
    tabColor: "56B4E9",
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: 1, fitToHeight: 0 },
  });
}

/** A section's title and header row from `row`; returns the section's first body row. */
function writeSectionHead(
  b: SheetBuilder,
  row: number,
  title: string,
  headers: readonly string[]
): number {
  b.set(row, 0, title);
  b.style(SECTION_STYLE, row, 0);
  b.setRow(row + 1, 0, [...headers]);
  b.style(HEADER_STYLE, row + 1, 0, row + 1, headers.length - 1);
  return row + 2;
}

/** 基本规则: one rule a row (value, note), dropdowns where the value is one of a list. Returns the next row. */
function writeBasicRows(b: SheetBuilder, rules: RuleSet, at: number): number {
  const basicTop = writeSectionHead(b, at, RULES_SECTIONS.basic, ["规则", "取值", "说明"]);
  let row = basicTop;
  for (const def of BASIC_ROWS) {
    b.setRow(row, 0, [def.label, def.write(rules), def.note]);
    if (def.numberFormat) b.style({ numberFormat: def.numberFormat, horizontal: "left" }, row, 1);
    const list = def.list?.(rules);
    if (list) b.validate({ range: toA1(row, 1), values: list, prompt: def.note });
    if (def.label === "序时进度口径") {
      b.style({ wrap: true }, row, 1);
      b.exemptFromWidth(row, 1);
    }
    row++;
  }
  b.style(CELL_STYLE, basicTop, 0, row - 1, 2);
  // Notes wrap inside a fixed-width column so the sheet prints one page wide.
  b.style({ wrap: true, vertical: "top" }, basicTop, 2, row - 1, 2);
  for (let r = basicTop; r < row; r++) b.exemptFromWidth(r, 2);
  return row;
}

/** 状态 bands, each label on its own colours. Returns the next row. */
function writeBands(b: SheetBuilder, rules: RuleSet, at: number): number {
  const bandTop = writeSectionHead(b, at, RULES_SECTIONS.bands, BAND_HEADERS);
  let row = bandTop;
  for (const s of rules.bands.styles) {
    b.setRow(row, 0, [s.status, s.label_zh, s.label_en, s.color, s.fontColor, s.symbol]);
    b.style({ fill: s.color, fontColor: s.fontColor }, row, 1);
    row++;
  }
  b.style(CELL_STYLE, bandTop, 0, row - 1, BAND_HEADERS.length - 1);
  return row;
}

/** 等次: each grade and the score it starts at. Returns the next row. */
function writeGrades(b: SheetBuilder, rules: RuleSet, at: number): number {
  const gradeTop = writeSectionHead(b, at, RULES_SECTIONS.grades, GRADE_HEADERS);
  b.height(gradeTop - 1, 32);
  let row = gradeTop;
  for (const g of rules.grades.bands) b.setRow(row++, 0, [g.label, g.value]);
  b.style(CELL_STYLE, gradeTop, 0, row - 1, 1);
  b.exemptFromWidth(gradeTop - 1, 1);
  return row;
}

/** 考核指标: one indicator a row, and spare rows with the same dropdowns for indicators a user adds. */
function writeIndicators(b: SheetBuilder, rules: RuleSet, at: number): void {
  const width = INDICATOR_COLUMNS.length;
  b.set(
    at,
    1,
    "每行一个指标；台账统计方式留空的指标只取完成情况表；金额门槛以万元计，美元按汇率折算"
  );
  b.exemptFromWidth(at, 1);
  const headers = INDICATOR_COLUMNS.map((c) => c.header);
  const indTop = writeSectionHead(b, at, RULES_SECTIONS.indicators, headers);
  let row = indTop;
  for (const ind of rules.indicators) {
    b.setRow(
      row,
      0,
      INDICATOR_COLUMNS.map((c) => c.write(ind))
    );
    row++;
  }
  const indBottom = row - 1 + SPARE_INDICATOR_ROWS;
  b.style(CELL_STYLE, indTop, 0, Math.max(indTop, row - 1), width - 1);
  INDICATOR_COLUMNS.forEach((c, col) => {
    const list = c.list?.(rules);
    if (list) b.validate({ range: rangeA1(indTop, col, indBottom, col), values: list });
  });
}
