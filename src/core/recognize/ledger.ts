/**
 * Reads a 项目台账 into columns: one project per row, each field by its own reader (readProject), so a new
 * field is one line there. Amounts convert to 万 of their currency; what cannot be read becomes an
 * issue on its cell.
 */
import type { SheetGrid } from "../grid";
import type { Issue } from "../issues";
import {
  currencyCode,
  LEDGER_TEXTS,
  LedgerColumnsBuilder,
  ledgerSheetOf,
  type LedgerSheet,
} from "../model";
import { normalizeText } from "../text";
import { isBlankCell, readBooleanCell, textOf } from "./cell-values";
import type { ColumnMap } from "./column-map";
import type { HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import { TEXT_FIELDS } from "./ledger-field-columns";
import { LedgerReader, type LedgerContext } from "./ledger-reader";
import type { MergedCells } from "./merged-cells";
import { isFootnote, isFootnoteKey, isTotalLabel, sectionHeading } from "./row-labels";
import { firstNamedUnit, sharedUnitIssue } from "./shared-units";
import { range } from "./unit-table";

export type { LedgerContext } from "./ledger-reader";

export interface LedgerRead {
  readonly ledger: LedgerSheet;
  readonly dataRows: { readonly first: number; readonly last: number } | null;
  readonly totalRows: readonly number[];
  readonly units: Readonly<Record<string, string>>;
  readonly issues: readonly Issue[];
  /** The column of the heading rows that name each project's unit, when the ledger has no unit column. */
  readonly unitHeadingColumn: number | null;
}

const COUNT_TEXT = /^(?:共?\d+(?:个|项|家)(?:项目)?)?$/;

/** "是否省外" → "省外": the word a 是/否 column's header asks about, or null for a column of words. */
function askedWord(block: HeaderBlock, col: number): string | null {
  const header = block.columns.find((h) => h.col === col);
  const m = header ? /^是否(?:为|属于)?(.+?)(?:项目|企业)?$/.exec(header.leafNorm) : null;
  return m ? (m[1] as string) : null;
}

/**
 * A 是否省外 column answers 是/否: 是 reads as the word asked about (省外), so a filter on 省外 counts it; 否 reads
 * as no word. A cell that says something else (江苏) is read as written.
 */
function answerReader(
  reader: LedgerReader,
  col: number,
  word: string
): (r: number) => string | null {
  return (r) => {
    const text = reader.text(r, col);
    if (text === null) return null;
    const yes = readBooleanCell(text);
    return yes === true ? word : yes === false ? null : text;
  };
}

/**
 * Reads one project of unit `unit` ("" for none) into the columns, field by field in the order its cells are
 * read (issues come out in it). The row's currency is read first: its amounts are read in it. Straight-line,
 * not a table of field readers: a million rows call each reader once.
 */
function readProject(
  x: LedgerReader,
  b: LedgerColumnsBuilder,
  r: number,
  name: string,
  nameKey: string,
  unit: string
): void {
  const i = b.begin(r, name, nameKey, b.unitOfText(unit, x.cache));
  x.unreadable = 0;
  x.rowCurrency = x.currency(r);
  // A ledger with 内资 and 外资 columns keeps its 总投资 (the 内资 part) in 万元.
  b.currency[i] = currencyCode(x.split ? "CNY" : x.rowCurrency);
  const reported = x.reportDate(r);
  if (reported) b.setReportDate(i, reported.getTime());
  readInvestment(x, r, b, i);
  // The other texts are read from the sheet when asked for (LedgerColumnsBuilder.readText); the stage is kept.
  b.setStage(i, x.stageText(r));
  b.foreignShare[i] = x.share(r) ?? NaN;
  b.fundsInPlace[i] = x.amount(r, "funds_in_place", x.rowCurrency) ?? NaN;
  b.dates.signedDate[i] = x.dateMs(r, "signedDate");
  b.dates.registeredDate[i] = x.dateMs(r, "registeredDate");
  b.dates.startedDate[i] = x.dateMs(r, "startedDate");
  b.dates.producedDate[i] = x.dateMs(r, "producedDate");
  const industrial = x.industrial(r);
  b.industrial[i] = industrial === null ? -1 : industrial ? 1 : 0;
  b.unreadable[i] = x.unreadable;
}

/** 总投资, or the 内资 part (万元) and the 外资 part (万美元) of a ledger that keeps them apart. */
function readInvestment(x: LedgerReader, r: number, b: LedgerColumnsBuilder, i: number): void {
  if (!x.split) {
    const amount = x.amount(r, "investment", x.rowCurrency);
    const own = x.cellCurrency;
    // 合同外资 beside 投资总额: within it, kept for an indicator named for it.
    if (x.foreignBeside) {
      const contract = x.amount(r, "investment_foreign", "USD");
      if (contract !== null) b.setForeignContract(i, contract);
    }
    // "1500万美元" typed into a 万元 column: its 外资 part, converted at the rules' rate as a 外资 column is.
    if (own === "USD" && x.rowCurrency === "CNY" && amount !== null) {
      b.investment[i] = 0;
      b.setForeignInvestment(i, amount);
      return;
    }
    // "3亿元" in a 万美元 column: the row is in 人民币.
    if (own === "CNY" && x.rowCurrency === "USD") {
      x.rowCurrency = "CNY";
      b.currency[i] = currencyCode("CNY");
    }
    b.investment[i] = amount ?? NaN;
    // 协议投资额 beside 总投资: what a signing indicator sums (ledger-agreed.ts).
    if (x.at.amounts.investment_agreed >= 0) {
      const agreed = x.amount(r, "investment_agreed", x.rowCurrency);
      if (agreed !== null) b.setAgreedInvestment(i, agreed);
    }
    return;
  }
  const domestic = x.amount(r, "investment_domestic", "CNY");
  const foreign = x.amount(r, "investment_foreign", "USD");
  b.investment[i] = domestic ?? (foreign === null ? NaN : 0);
  if (foreign !== null) b.setForeignInvestment(i, foreign);
}

/** What a row under the header is: a project, a 小计 / 总计 row, or a note or continued line with no figures. */
function rowKind(
  x: LedgerReader,
  merged: MergedCells,
  r: number,
  name: string,
  nameKey: string
): "project" | "total" | "none" {
  // The header typed again at the top of a printed page ("项目名称" in the project column) is no project.
  if (nameKey !== "" && nameKey === x.nameHeaderKey) return "none";
  const lead = name || textOf(merged.value(r, 0));
  // A 小计 / 总计 in the unit column, its project cell empty or a count ("3个", "共5项"), totals the projects.
  if (
    isTotalLabel(lead) ||
    (x.at.name >= 0 && COUNT_TEXT.test(nameKey) && isTotalLabel(x.text(r, x.at.unit) ?? ""))
  )
    return "total";
  // Notes under the ledger ("注：…", merged across) and a project's second line (建设内容 continued) hold no figures.
  if ((name ? isFootnoteKey(nameKey) : isFootnote(lead)) && !x.hasFigures(r)) return "none";
  if (name === "" && x.at.name >= 0 && !x.hasFigures(r)) return "none";
  return "project";
}

/** A project row without a name, or without a unit (it counts for none). */
function projectRowIssues(
  x: LedgerReader,
  sheet: string,
  r: number,
  name: string,
  unit: string | null
): void {
  if (name === "" && x.at.name >= 0) {
    x.issues.push(
      issueAt(
        "wrong_type",
        "error",
        sheet,
        r,
        x.at.name,
        { zh: "项目名称为空", en: "project name is empty" },
        "project_name"
      )
    );
  }
  if (x.at.unit >= 0 && unit === null)
    x.issues.push(
      issueAt(
        "unit_name_blank",
        "warning",
        sheet,
        r,
        x.at.unit,
        {
          zh: `第 ${r + 1} 行${name ? `项目“${name}”` : "的项目"}没有责任单位（空白或只有空格），不计入任何单位`,
          en: `the project in row ${r + 1}${name ? ` ("${name}")` : ""} has no responsible unit (blank or spaces only); it counts for no unit`,
        },
        "unit"
      )
    );
}

/** One line for the rows 是否纳入考核 says 否: listed in the 台账, counted in no indicator. */
function excludedNote(
  sheet: string,
  x: LedgerReader,
  excluded: { readonly first: number; readonly count: number }
): Issue {
  const { first, count } = excluded;
  return issueAt(
    "excluded_row",
    "info",
    sheet,
    first,
    x.at.inAssessment,
    {
      zh: `${count} 个项目标注不纳入考核（如第 ${first + 1} 行），不计入任何指标`,
      en: `${count} project${count > 1 ? "s are" : " is"} marked as not assessed (such as row ${first + 1}) and counted in no indicator`,
    },
    "in_assessment"
  );
}

/** The money columns' units as the report shows them. */
function amountUnits(x: LedgerReader): Record<string, string> {
  const units: Record<string, string> = {};
  if (x.investmentUnit && x.col("investment") >= 0) units["investment"] = x.investmentUnit.label;
  if (x.fundsUnit && x.col("funds_in_place") >= 0) units["funds_in_place"] = x.fundsUnit.label;
  return units;
}

/** What the rows under the header held besides projects. */
interface RowsRead {
  /** 1-based rows of 小计 / 总计 lines. */
  readonly totalRows: number[];
  /** 0-based rows of the first and last project, −1 when none. */
  first: number;
  last: number;
  /** "一、南关区（3个）" above its projects: with no unit column, the heading names their unit. */
  heading: string | null;
  headingColumn: number | null;
  /** Rows marked 是否纳入考核 否: the first (0-based) and how many. */
  excluded: { readonly first: number; count: number } | null;
}

/**
 * Every row under the header, read into the columns. The loop alone, in a function of its own: run over a
 * million rows it is compiled while it runs, and code after it that has never run would undo that compilation.
 */
function readRows(
  x: LedgerReader,
  b: LedgerColumnsBuilder,
  sheet: SheetGrid,
  merged: MergedCells,
  from: number,
  out: RowsRead
): void {
  for (let r = from; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every(isBlankCell)) continue;
    const section = sectionHeading(cells);
    if (section) {
      if (x.at.unit < 0) {
        out.heading = section.name;
        out.headingColumn ??= section.col;
      }
      continue;
    }
    const name = x.text(r, x.at.name) ?? "";
    const nameKey = name === "" ? "" : normalizeText(name);
    const kind = rowKind(x, merged, r, name, nameKey);
    if (kind === "total") out.totalRows.push(r + 1);
    if (kind !== "project") continue;
    if (x.excluded(r)) {
      if (out.excluded) out.excluded.count++;
      else out.excluded = { first: r, count: 1 };
      continue;
    }
    // The unit column's text, or the unit a heading row above names.
    const unit = x.at.unit >= 0 ? x.text(r, x.at.unit) : null;
    projectRowIssues(x, sheet.name, r, name, unit);
    // "南关区、宽城区" (brought in together): the first unit named.
    const first = unit === null ? null : firstNamedUnit(unit);
    if (first !== null) x.issues.push(sharedUnitIssue(sheet.name, r, x.at.unit, unit ?? "", first));
    const key = x.projectKey(r, nameKey);
    readProject(x, b, r, name, key, (x.at.unit >= 0 ? (first ?? unit) : out.heading) ?? "");
    if (out.first < 0) out.first = r;
    out.last = r;
  }
}

export function readLedger(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap,
  context: LedgerContext = { year: null }
): LedgerRead {
  const reader = new LedgerReader(sheet, merged, block, map, context);
  const b = new LedgerColumnsBuilder(Math.max(0, sheet.rows.length - block.bottom - 1));
  b.usePart({ sheet: sheet.name, columns: reader.columns });
  // Texts are the sheet's own: read from it when a row object or a filter asks (most never are), not copied.
  for (const t of LEDGER_TEXTS) {
    const c = reader.col(TEXT_FIELDS[t]);
    if (c < 0) continue;
    const asked = askedWord(block, c);
    b.readText(t, asked === null ? (r) => reader.text(r, c) : answerReader(reader, c, asked));
  }
  const rows: RowsRead = {
    totalRows: [],
    first: -1,
    last: -1,
    heading: context.unit ?? null,
    headingColumn: null,
    excluded: null,
  };
  readRows(reader, b, sheet, merged, block.bottom + 1, rows);
  if (rows.excluded) reader.issues.push(excludedNote(sheet.name, reader, rows.excluded));
  const { first, last } = rows;
  return {
    ledger: ledgerSheetOf(
      {
        sheet: sheet.name,
        headerRows: range(block.top, block.bottom),
        columns: reader.columns,
        investmentUnit: reader.investmentUnit,
      },
      b.build()
    ),
    dataRows: first < 0 ? null : { first: first + 1, last: last + 1 },
    totalRows: rows.totalRows,
    units: amountUnits(reader),
    issues: reader.issues,
    unitHeadingColumn: rows.headingColumn,
  };
}
