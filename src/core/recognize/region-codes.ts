/**
 * A statistics-system export names each district only by its 行政区划代码 (220102, 220103 …) while the targets
 * name them (南关区, 宽城区 …). Where the workbook itself pairs codes with names (a 区划代码 column beside the
 * unit column of the targets, or a 对照表), the codes are read as those names, cell for cell, so every address
 * stays the user's. Where nothing pairs them, no row may be matched by position or guess: the sheet is left
 * unread and the user is told why (codeOnlyIssue), not merely that actuals are missing.
 */
import { toA1, type CellValue, type SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import { issueAt } from "./issue";
import { isTotalLabel } from "./row-labels";

/** Headers of a column of region codes: 区划代码, 行政区划代码, 地区编码 … ("（6位）" and the like dropped). */
export const REGION_CODE_HEADER =
  /^(?:行政)?区划(?:代码|编码|编号)$|^(?:地区|区域|行政区|区县|县区|县市区|县\(市、区\)|乡镇|街道)(?:代码|编码)$/;

/** A county (6 digits), township (9) or village (12) code. */
const CODE = /^\d{6}(?:\d{3}){0,2}$/;
const HEADER_ROWS = 12;
const MAX_ROWS = 2000;

const codeText = (v: CellValue | undefined): string | null => {
  const t = textOf(v ?? null).trim();
  return CODE.test(t) ? t : null;
};

const isCodeHeader = (v: CellValue | undefined): boolean =>
  REGION_CODE_HEADER.test(normalizeText(textOf(v ?? null)).replace(/\([^()]*\)$/, ""));

/** A column of codes under a code header: its header row and column, and the rows holding a code. */
interface CodeColumn {
  readonly headerRow: number;
  readonly col: number;
  readonly rows: readonly number[];
}

function codeColumns(sheet: SheetGrid): CodeColumn[] {
  const out: CodeColumn[] = [];
  const top = Math.min(sheet.rows.length, HEADER_ROWS);
  for (let h = 0; h < top; h++) {
    const row = sheet.rows[h] ?? [];
    for (let col = 0; col < row.length; col++) {
      if (!isCodeHeader(row[col])) continue;
      const rows: number[] = [];
      let filled = 0;
      const end = Math.min(sheet.rows.length, h + 1 + MAX_ROWS);
      for (let r = h + 1; r < end; r++) {
        const v = sheet.rows[r]?.[col];
        if (isBlankCell(v ?? null)) continue;
        filled++;
        if (codeText(v) !== null) rows.push(r);
      }
      if (rows.length >= 2 && rows.length >= filled * 0.6) out.push({ headerRow: h, col, rows });
    }
  }
  return out;
}

/** The column beside a code column naming each coded row (南关区 on 220102's row), if any: its header, names. */
function nameColumn(
  sheet: SheetGrid,
  codes: CodeColumn
): { header: string; names: Map<string, string> } | null {
  const width = Math.max(...codes.rows.map((r) => sheet.rows[r]?.length ?? 0));
  for (let col = 0; col < width; col++) {
    if (col === codes.col) continue;
    const names = new Map<string, string>();
    let named = 0;
    let consistent = true;
    for (const r of codes.rows) {
      const text = textOf(sheet.rows[r]?.[col] ?? null).trim();
      if (text === "" || /^[\d.,\s%-]+$/.test(text) || isTotalLabel(text) || text.length > 30)
        continue;
      const code = codeText(sheet.rows[r]?.[codes.col]) as string;
      // One name per code: a column of project names (a 台账's rows share a district's code) names no district.
      if ((names.get(code) ?? text) !== text) consistent = false;
      names.set(code, text);
      named++;
    }
    const distinct = new Set(names.values()).size === names.size;
    if (consistent && distinct && named >= codes.rows.length * 0.8)
      return { header: textOf(sheet.rows[codes.headerRow]?.[col] ?? null).trim(), names };
  }
  return null;
}

/** A sheet naming its rows by code only, and what became of it. */
export interface CodedSheet {
  readonly sheet: string;
  /** 0-based header row and column of the code column. */
  readonly row: number;
  readonly col: number;
  /** The first codes, as shown to the user. */
  readonly sample: readonly string[];
}

/**
 * The sheets with every code-only column read as the names the workbook pairs with the codes, and the sheets
 * whose codes nothing pairs (`unmapped`). An info issue says where each translation came from.
 */
export function namedByRegionCodes(
  sheets: readonly SheetGrid[],
  issues: Issue[]
): { sheets: SheetGrid[]; unmapped: CodedSheet[] } {
  const names = new Map<string, string>();
  let source: { sheet: string; header: string; col: number; row: number } | null = null;
  const codeOnly: { sheet: SheetGrid; codes: CodeColumn }[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    for (const codes of codeColumns(sheet)) {
      const named = nameColumn(sheet, codes);
      if (!named) {
        codeOnly.push({ sheet, codes });
        continue;
      }
      for (const [code, name] of named.names) if (!names.has(code)) names.set(code, name);
      source ??= { sheet: sheet.name, header: named.header, col: codes.col, row: codes.headerRow };
    }
  }
  const out = [...sheets];
  const unmapped: CodedSheet[] = [];
  for (const { sheet, codes } of codeOnly) {
    const sample = codes.rows.slice(0, 3).map((r) => codeText(sheet.rows[r]?.[codes.col]) ?? "");
    const known = codes.rows.filter((r) => names.has(codeText(sheet.rows[r]?.[codes.col]) ?? ""));
    if (!source || known.length < codes.rows.length * 0.8) {
      unmapped.push({ sheet: sheet.name, row: codes.headerRow, col: codes.col, sample });
      continue;
    }
    const rows = sheet.rows.map((row, r) => {
      if (r === codes.headerRow) return withCell(row, codes.col, source.header || "单位");
      const name = names.get(codeText(row[codes.col]) ?? "");
      return name === undefined ? row : withCell(row, codes.col, name);
    });
    out[sheets.indexOf(sheet)] = { ...sheet, rows };
    const from = `${source.sheet}!${toA1(source.row, source.col)}`;
    issues.push(
      issueAt("unit_column_inferred", "info", sheet.name, codes.headerRow, codes.col, {
        zh: `“${sheet.name}”按区划代码列出单位（${sample.join("、")}…），按 ${from} 列的区划代码与名称对照读作单位名称`,
        en: `"${sheet.name}" names its units by region code (${sample.join(", ")}…); they are read as the names ${from}'s code column pairs them with`,
      })
    );
  }
  return { sheets: out, unmapped };
}

function withCell(row: readonly CellValue[], col: number, value: CellValue): CellValue[] {
  const copy = [...row];
  copy[col] = value;
  return copy;
}

/**
 * The error for a sheet of figures by code whose codes nothing in the workbook names, beside targets by name: no
 * row can be matched to a unit, so every unit is unreported there.
 */
export function codeOnlyIssue(coded: CodedSheet, targets: string, units: readonly string[]): Issue {
  const codes = coded.sample.join("、");
  const names = units.slice(0, 3).join("、");
  return issueAt("unit_missing_from_actuals", "error", coded.sheet, coded.row, coded.col, {
    zh: `“${coded.sheet}”按区划代码列出单位（${codes}…），而目标表“${targets}”按名称列出（${names}…）；工作簿中没有区划代码与名称的对照，完成数无法对应到任何单位，各单位按未报送处理。请在“${targets}”加一列“区划代码”，或在“${coded.sheet}”加单位名称列`,
    en: `"${coded.sheet}" names its units by region code (${coded.sample.join(", ")}…) while the targets sheet "${targets}" names them (${units.slice(0, 3).join(", ")}…); nothing in the workbook pairs codes with names, so no actual can be matched to a unit and every unit counts as unreported. Add a 区划代码 column to "${targets}", or a unit-name column to "${coded.sheet}"`,
  });
}
