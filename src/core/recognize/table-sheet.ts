/**
 * A unit table sheet from header to report: which column is what (with the user's corrections), where the
 * units are, and the tables read from it.
 */
import { columnIndex, columnLetter, type SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { SheetReport, SheetRole } from "../model";
import { normalizeText } from "../text";
import { textOf } from "./cell-values";
import type { ColumnMap } from "./column-map";
import { keyOf, meaningOf, type ColumnMeaning } from "./column-meaning";
import { HEADER_DICTIONARY } from "./dictionary";
import type { HeaderBlock, HeaderColumn } from "./header-block";
import { issueAt } from "./issue";
import { measureOf, type Measure } from "./measure-words";
import type { MergedCells } from "./merged-cells";
import { cumulativeRowColumn } from "./cumulative-rows";
import { planColumns, type ColumnPlan } from "./table-columns";
import { unitColumnCandidates, type UnitColumnCandidate } from "./unit-column";
import { readUnitTable, type TableContext, type TableRead } from "./unit-table";
import { REGION_CODE_HEADER } from "./region-codes";

export interface TableAnalysis {
  readonly sheet: SheetGrid;
  readonly merged: MergedCells;
  readonly block: HeaderBlock;
  readonly forcedRole: SheetRole | null;
  /** A unit column the user named. */
  readonly forcedUnitColumn: number | null;
  readonly seqColumn: number | null;
  readonly groupColumn: number | null;
  readonly remarksColumn: number | null;
  readonly rowMeasureColumn: number | null;
  /** A column saying, per row, 本月 or 累计 (cumulative-rows.ts). */
  readonly rowPeriodColumn: number | null;
  /** Every other header column, as the header (or the user) says. */
  readonly meanings: readonly ColumnMeaning[];
  readonly candidates: readonly UnitColumnCandidate[];
  /** Columns whose header names a known indicator or says 目标/完成: evidence the sheet is a unit table. */
  readonly indicatorSignals: number;
}

export interface TableChoice {
  readonly unitColumn: number;
  readonly confidence: number;
  readonly candidate: UnitColumnCandidate | null;
  /** The next most likely unit column, named when the choice is uncertain. */
  readonly alternative?: UnitColumnCandidate | null;
}

const REMARKS = /^(备注|说明|备注说明|remarks?|notes?|comments?)$/;
/** Values under a column that say, row by row, whether the row holds targets or actuals. */
const ROW_MEASURES: ReadonlySet<Measure> = new Set(["target", "actual", "rate", "last_year"]);

function rowMeasureColumn(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  skip: ReadonlySet<number>
): number | null {
  const last = Math.min(sheet.rows.length, block.bottom + 1 + 200);
  for (let c = 0; c < block.width; c++) {
    if (skip.has(c)) continue;
    let rows = 0;
    let hits = 0;
    const kinds = new Set<Measure>();
    for (let r = block.bottom + 1; r < last; r++) {
      const t = textOf(merged.value(r, c));
      if (t === "") continue;
      rows++;
      const m = measureOf(normalizeText(t));
      if (m !== null && ROW_MEASURES.has(m)) {
        hits++;
        kinds.add(m);
      }
    }
    if (rows >= 2 && hits / rows >= 0.6 && kinds.has("target") && kinds.has("actual")) return c;
  }
  return null;
}

/**
 * A "类别" column holding 目标 / 完成 row by row says what each row is, not the unit's group; one holding 本月 /
 * 累计 says which of a unit's two rows is its own.
 */
function rowLabelColumns(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  taken: readonly (number | null)[]
): { rowMeasure: number | null; rowPeriod: number | null } {
  const skip = new Set(taken.filter((c): c is number => c !== null));
  const rowMeasure = rowMeasureColumn(sheet, merged, block, skip);
  const rowPeriod = rowMeasure === null ? cumulativeRowColumn(sheet, merged, block, skip) : null;
  return { rowMeasure, rowPeriod };
}

const MEASURE_OVERRIDES: Readonly<Record<string, Measure | "ignore">> = {
  target: "target",
  目标: "target",
  actual: "actual",
  完成: "actual",
  rate: "rate",
  完成率: "rate",
  last_year: "last_year",
  去年同期: "last_year",
  bonus: "bonus",
  加分: "bonus",
  penalty: "penalty",
  扣分: "penalty",
  reason: "reason",
  事由: "reason",
  ignore: "ignore",
  忽略: "ignore",
  none: "ignore",
  "": "ignore",
  "-": "ignore",
};

/**
 * A user's correction of a column: "unit", "seq", "group", "remarks", a measure ("actual", "bonus", "ignore"),
 * an indicator ("signed_total", "新开工项目") or both ("actual:signed_total", "目标:新开工项目").
 */
function overrideMeaning(m: ColumnMeaning, value: string): ColumnMeaning | "ignore" {
  const [head, rest] = value.includes(":")
    ? (value.split(/:(.*)/s) as [string, string])
    : [value, undefined];
  const measure = MEASURE_OVERRIDES[head.trim().toLowerCase()] ?? MEASURE_OVERRIDES[head.trim()];
  if (measure === "ignore") return "ignore";
  const indicator = measure === undefined ? value : rest;
  let next: ColumnMeaning = measure === undefined ? m : { ...m, measure };
  if (indicator !== undefined && indicator.trim() !== "") {
    const field =
      HEADER_DICTIONARY.find((f) => f.key === indicator.trim() && f.kind === "indicator") ?? null;
    const phrase = field ? [field.key] : [normalizeText(indicator)];
    next = {
      ...next,
      field,
      phrase,
      key: keyOf(phrase, field, field ? undefined : indicator.trim()),
      display: field ? (field.zhHans[0] ?? field.key) : indicator.trim(),
    };
  }
  return next;
}

/** The column a correction names: a letter inside the header block's width, or a header's text (whole or leaf). */
export function columnAt(block: HeaderBlock, where: string): HeaderColumn | number | null {
  if (/^[A-Z]{1,3}$/.test(where)) {
    const col = columnIndex(where);
    return block.columns.find((c) => c.col === col) ?? (col < block.width ? col : null);
  }
  const n = normalizeText(where);
  return (
    block.columns.find((c) => normalizeText(c.name) === n || normalizeText(c.leaf) === n) ?? null
  );
}

/** Pass one for a table-like sheet; null when no column could name units. */
export function analyseTable(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap,
  overrides: Readonly<Record<string, string>> | undefined,
  forcedRole: SheetRole | null
): TableAnalysis | null {
  let seqColumn = map.byField.get("seq")?.column.col ?? null;
  let groupColumn = map.byField.get("group")?.column.col ?? null;
  let remarksColumn = block.columns.find((c) => REMARKS.test(c.leafNorm))?.col ?? null;
  let forcedUnitColumn: number | null = null;
  const byCol = new Map<number, ColumnMeaning | "ignore">();
  // 区划代码 beside the unit names identifies them (region-codes.ts); it is never an indicator.
  for (const c of block.columns)
    byCol.set(c.col, REGION_CODE_HEADER.test(c.leafNorm) ? "ignore" : meaningOf(c));
  for (const [where, value] of Object.entries(overrides ?? {})) {
    const at = columnAt(block, where);
    if (at === null) continue;
    const col = typeof at === "number" ? at : at.col;
    const v = value.trim();
    if (v === "unit") forcedUnitColumn = col;
    else if (v === "seq") seqColumn = col;
    else if (v === "group") groupColumn = col;
    else if (v === "remarks") remarksColumn = col;
    else {
      const current = byCol.get(col);
      if (current !== undefined && current !== "ignore")
        byCol.set(col, overrideMeaning(current, v));
      else if (typeof at !== "number") byCol.set(col, overrideMeaning(meaningOf(at), v));
      continue;
    }
    byCol.set(col, "ignore");
  }
  const { rowMeasure, rowPeriod } = rowLabelColumns(sheet, merged, block, [
    seqColumn,
    remarksColumn,
  ]);
  if (groupColumn !== null && (groupColumn === rowMeasure || groupColumn === rowPeriod))
    groupColumn = null;
  const labelColumns = new Set(
    [seqColumn, groupColumn, remarksColumn, rowMeasure, rowPeriod].filter(
      (c): c is number => c !== null
    )
  );
  const ignored = new Set([...byCol].filter(([, m]) => m === "ignore").map(([c]) => c));
  const candidates = unitColumnCandidates(
    sheet,
    merged,
    block,
    new Set([...labelColumns, ...ignored])
  );
  if (candidates.length === 0 && forcedUnitColumn === null) return null;
  const meanings = [...byCol.values()].filter((m): m is ColumnMeaning => m !== "ignore");
  return {
    sheet,
    merged,
    block,
    forcedRole,
    forcedUnitColumn,
    seqColumn,
    groupColumn,
    remarksColumn,
    rowMeasureColumn: rowMeasure,
    rowPeriodColumn: rowPeriod,
    meanings,
    candidates,
    indicatorSignals: meanings.filter(
      (m) =>
        m.field?.kind === "indicator" ||
        m.measure === "target" ||
        m.measure === "actual" ||
        m.measure === "period"
    ).length,
  };
}

function uncertainText(sheet: string, choice: TableChoice): { zh: string; en: string } {
  const at = columnLetter(choice.unitColumn);
  const pct = Math.round(choice.confidence * 100);
  const other = choice.alternative ?? null;
  const alt = other ? columnLetter(other.col) : null;
  const zhOr = other ? `，也可能是 ${alt} 列“${other.header}”` : "";
  const enOr = other ? `, or column ${alt} "${other.header}"` : "";
  return {
    zh: `无法确定哪一列是责任单位：暂按 ${at} 列读取（可信度 ${pct}%）${zhOr}，排名不可靠。请在任务窗格“工作表”页或用 --map "${sheet}!${at}=unit" 指定责任单位列`,
    en: `cannot tell which column names the units: column ${at} is read for now (confidence ${pct}%)${enOr}, so the ranking is unreliable. Name the unit column in the task pane's Sheets tab or with --map "${sheet}!${at}=unit"`,
  };
}

export interface TableOutcome {
  readonly read: TableRead;
  readonly report: Omit<SheetReport, "role" | "confidence">;
  readonly issues: readonly Issue[];
  /** Share of header columns the product understood (0..1). */
  readonly columnShare: number;
}

/** Pass three: reads the sheet with its unit column chosen. */
export function readTable(
  t: TableAnalysis,
  choice: TableChoice,
  context: TableContext
): TableOutcome {
  const issues: Issue[] = [];
  const { sheet, block } = t;
  const labels = new Set([
    choice.unitColumn,
    t.seqColumn,
    t.groupColumn,
    t.remarksColumn,
    t.rowMeasureColumn,
    t.rowPeriodColumn,
  ]);
  const meanings = figureMeanings(t, labels);
  const plan = planColumns(sheet, block, meanings, issues, context.asOfYear ?? null);
  const read = readUnitTable(
    sheet,
    t.merged,
    block,
    {
      unitColumn: choice.unitColumn,
      seqColumn: t.seqColumn,
      groupColumn: t.groupColumn,
      remarksColumn: t.remarksColumn,
      rowMeasureColumn: t.rowMeasureColumn,
      rowPeriodColumn: t.rowPeriodColumn,
    },
    plan,
    context
  );
  issues.push(...read.issues, ...unitColumnIssues(t, choice));
  const unrecognised = read.unrecognised.filter((l) => !labels.has(columnIndex(l)));
  issues.push(...unrecognisedColumnIssues(t, unrecognised), ...hiddenColumnIssues(t, read));
  const total = Math.max(1, block.columns.length);
  const headerRows: number[] = [];
  for (let r = block.top; r <= block.bottom; r++) headerRows.push(r + 1);
  return {
    read,
    issues,
    columnShare: Math.max(0.4, Math.min(1, 0.6 + 0.4 * ((total - unrecognised.length) / total))),
    report: {
      name: sheet.name,
      headerRows,
      columns: columnLetters(t, choice, read, plan),
      dataRows: read.dataRows,
      totalRows: read.totalRows,
      unrecognisedColumns: unrecognised,
      units: read.units,
      hidden: sheet.hidden,
    },
  };
}

/** The columns that may hold figures: all but the row labels, hidden helpers last. */
function figureMeanings(t: TableAnalysis, labels: ReadonlySet<number | null>): ColumnMeaning[] {
  const hidden = (m: ColumnMeaning): number => Number(t.sheet.hiddenColumns.has(m.column.col));
  // Hidden helper columns go last, so a visible column claiming the same indicator wins.
  return t.meanings
    .filter((m) => !labels.has(m.column.col))
    .sort((a, b) => hidden(a) - hidden(b) || a.column.col - b.column.col);
}

/** An uncertain unit column is an error; one no header names is said to be taken from its content. */
function unitColumnIssues(t: TableAnalysis, choice: TableChoice): Issue[] {
  const { sheet, block } = t;
  const unitHeader = block.columns.find((c) => c.col === choice.unitColumn);
  const headerRow = unitHeader?.headerRow ?? block.bottom;
  if (choice.confidence < 0.6) {
    return [
      issueAt(
        "unit_column_uncertain",
        "error",
        sheet.name,
        headerRow,
        choice.unitColumn,
        uncertainText(sheet.name, choice),
        "unit"
      ),
    ];
  }
  if (
    choice.candidate === null ||
    choice.candidate.headerEvidence > 0 ||
    t.forcedUnitColumn !== null
  )
    return [];
  return [
    issueAt(
      "unit_column_inferred",
      "info",
      sheet.name,
      headerRow,
      choice.unitColumn,
      {
        zh: `表头未写明责任单位列，按内容判断为 ${columnLetter(choice.unitColumn)} 列${unitHeader ? `“${unitHeader.name}”` : ""}`,
        en: `no header names the unit column; column ${columnLetter(choice.unitColumn)}${unitHeader ? ` "${unitHeader.name}"` : ""} is taken from its content`,
      },
      "unit"
    ),
  ];
}

function unrecognisedColumnIssues(t: TableAnalysis, letters: readonly string[]): Issue[] {
  return letters.flatMap((letter) => {
    const c = t.block.columns.find((x) => columnLetter(x.col) === letter);
    if (!c) return [];
    return [
      issueAt("unrecognised_column", "info", t.sheet.name, c.headerRow, c.col, {
        zh: `未识别的列“${c.name}”，已忽略`,
        en: `unrecognised column "${c.name}" is ignored`,
      }),
    ];
  });
}

function hiddenColumnIssues(t: TableAnalysis, read: TableRead): Issue[] {
  const { sheet, block } = t;
  const indicators = [...read.primary.indicators, ...(read.secondary?.indicators ?? [])];
  return indicators
    .filter((ind) => sheet.hiddenColumns.has(ind.col))
    .map((ind) => {
      const c = block.columns.find((x) => x.col === ind.col);
      return issueAt(
        "hidden_column",
        "info",
        sheet.name,
        c?.headerRow ?? block.bottom,
        ind.col,
        {
          zh: `隐藏列“${c?.name ?? ind.name}”参与识别`,
          en: `hidden column "${c?.name ?? ind.name}" is read`,
        },
        ind.key
      );
    });
}

/** The report's column letters by key ("unit", indicator keys, "key:actual", "bonus" …); the first claim wins. */
function columnLetters(
  t: TableAnalysis,
  choice: TableChoice,
  read: TableRead,
  plan: ColumnPlan
): Record<string, string> {
  const columns: Record<string, string> = {};
  const put = (key: string, col: number | null): void => {
    if (col !== null && columns[key] === undefined) columns[key] = columnLetter(col);
  };
  put("seq", t.seqColumn);
  put("unit", choice.unitColumn);
  put("group", t.groupColumn);
  put("remarks", t.remarksColumn);
  for (const ind of read.primary.indicators) put(ind.key, ind.col);
  for (const ind of read.secondary?.indicators ?? []) put(`${ind.key}:actual`, ind.col);
  for (const [key, valuesKey] of Object.entries(read.primary.lastYear ?? {})) {
    const cell = read.primary.units[0]?.values[valuesKey]?.cell;
    if (cell) put(`${key}:last_year`, columnIndex(/^[A-Z]+/.exec(cell)?.[0] ?? "A"));
  }
  for (const d of plan.described) put(d.key, d.col);
  put("bonus", plan.bonus);
  put("penalty", plan.penalty);
  plan.reasons.forEach((c, i) => put(i === 0 ? "reason" : `reason_${i + 1}`, c));
  put("previous_rank", plan.previousRank);
  return columns;
}
