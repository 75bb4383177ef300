import type { CellValue, SheetGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import { isoDay } from "../grid/excel-date";
import type { Issue } from "../issues/types";
import { cellText, isBlank, parseList, parseNumber } from "./cells";
import { defaultRules } from "./defaults";
import { checkRuleSet } from "./merge";
import {
  type BandStyle,
  type IndicatorRule,
  type RuleSet,
  bandStyleSchema,
  indicatorRuleSchema,
  ruleSetSchema,
} from "./schema";
import { BASIC_ROWS, type Draft } from "./basic-rows";
import {
  INDICATOR_COLUMNS,
  type FilterDraft,
  type IndicatorColumnDef,
  type IndicatorDraft,
} from "./indicator-columns";
import { RULES_SECTIONS } from "./rules-sheet-constants";

function rulesIssue(
  sheet: string,
  row: number,
  col: number,
  what_zh: string,
  what_en: string,
  fallback_zh: string,
  fallback_en: string
): Issue {
  return {
    code: "invalid_rule",
    severity: "warning",
    sheet,
    cell: toA1(row, col),
    row: row + 1,
    message_zh: `考核规则“${what_zh}”无效，${fallback_zh}`,
    message_en: `Rule "${what_en}" is invalid; ${fallback_en}`,
  };
}

function sectionRows(sheet: SheetGrid): Map<string, number> {
  const found = new Map<string, number>();
  sheet.rows.forEach((r, i) => {
    const t = cellText(r[0] ?? null).replace(/\s/g, "");
    for (const marker of Object.values(RULES_SECTIONS))
      if (t === marker && !found.has(marker)) found.set(marker, i);
  });
  return found;
}

/** Data rows of a section: after its marker and header, up to the next blank first cell or marker. */
function dataRows(sheet: SheetGrid, marker: number | undefined, allowBlankKey = false): number[] {
  if (marker === undefined) return [];
  const out: number[] = [];
  for (let r = marker + 2; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const first = cellText(row[0] ?? null);
    if (first.startsWith("【")) break;
    if (first === "") {
      if (allowBlankKey && row.some((v) => !isBlank(v))) {
        out.push(r);
        continue;
      }
      break;
    }
    out.push(r);
  }
  return out;
}

const squash = (s: string): string => s.replace(/[\s（）()]/g, "");

function toFilter(f: FilterDraft | undefined): Record<string, unknown> | undefined {
  if (!f) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) out[k] = v;
  return out;
}

function readIndicatorRow(
  sheet: SheetGrid,
  r: number,
  stages: readonly string[]
): { rule: IndicatorRule } | { col: number; zh: string; en: string } {
  const row = sheet.rows[r] ?? [];
  const draft: IndicatorDraft = { filter: {} };
  for (let c = 0; c < INDICATOR_COLUMNS.length; c++) {
    const def = INDICATOR_COLUMNS[c] as IndicatorColumnDef;
    const f = def.read(row[c] ?? null, draft);
    if (f) return { col: c, zh: `${def.header}应为${f.zh}`, en: `${def.header} must be ${f.en}` };
  }
  for (const [c, s] of [
    [7, draft.filter.minStage],
    [8, draft.filter.maxStage],
    [18, draft.denominator?.minStage],
  ] as const) {
    if (s !== undefined && !stages.includes(s))
      return {
        col: c,
        zh: `阶段“${s}”不在项目阶段列表中`,
        en: `stage "${s}" is not in the stage list`,
      };
  }
  const candidate: Record<string, unknown> = {
    key: draft.key,
    name: draft.name,
    unit: draft.unit,
    weight: draft.weight,
    source: draft.source ?? (draft.kind ? "ledger" : "actuals"),
  };
  if (draft.target !== undefined) candidate["target"] = draft.target;
  if (draft.kind !== undefined) {
    const agg: Record<string, unknown> = { kind: draft.kind, filter: toFilter(draft.filter) };
    if (draft.field !== undefined) agg["field"] = draft.field;
    if (draft.denominator) agg["denominator"] = toFilter(draft.denominator);
    candidate["aggregate"] = agg;
  } else if (draft.source === "ledger") {
    return {
      col: 5,
      zh: "数据来源为项目台账时须填写台账统计方式",
      en: "a ledger source needs an aggregate",
    };
  }
  const parsed = indicatorRuleSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = String(first?.path[0] ?? "key");
    const col = ["key", "name", "unit", "weight", "source"].indexOf(field);
    return {
      col: Math.max(0, col),
      zh: `内容不完整或格式不对（${field}: ${first?.message ?? ""}）`,
      en: `incomplete or malformed (${field}: ${first?.message ?? ""})`,
    };
  }
  return { rule: parsed.data };
}

function readBandRow(row: readonly CellValue[]): BandStyle | null {
  const parsed = bandStyleSchema.safeParse({
    status: cellText(row[0] ?? null),
    label_zh: cellText(row[1] ?? null),
    label_en: cellText(row[2] ?? null),
    color: cellText(row[3] ?? null)
      .replace(/^#/, "")
      .toUpperCase(),
    fontColor: cellText(row[4] ?? null)
      .replace(/^#/, "")
      .toUpperCase(),
    symbol: cellText(row[5] ?? null),
  });
  return parsed.success ? parsed.data : null;
}

/** What the section readers share: the sheet, the rules read so far, the fallbacks and the findings. */
interface RulesRead {
  readonly sheet: SheetGrid;
  /** The rules a row falls back to when it cannot be read. */
  readonly base: RuleSet;
  /** The rules as read so far, before the whole is checked. */
  readonly d: Draft;
  readonly issues: Issue[];
}

/**
 * Reads a 考核规则 sheet back. Rules it cannot read keep the value of `defaults` and become `invalid_rule`
 * warnings naming the cell, so the run goes on and says what it did.
 */
export function readRulesSheet(
  sheet: SheetGrid,
  defaults?: RuleSet
): { rules: RuleSet; issues: Issue[] } {
  const base = defaults ?? defaultRules("2000-01-01");
  const read: RulesRead = { sheet, base, d: structuredClone(base), issues: [] };
  const sections = sectionRows(sheet);
  const basicRows = dataRows(sheet, sections.get(RULES_SECTIONS.basic));
  // The indicator list first: 同分时比较指标 refers to it.
  if (sections.has(RULES_SECTIONS.indicators))
    readIndicators(read, dataRows(sheet, sections.get(RULES_SECTIONS.indicators), true), basicRows);
  readBasicRows(read, basicRows);
  const bandMarker = sections.get(RULES_SECTIONS.bands);
  if (bandMarker !== undefined) readBands(read, dataRows(sheet, bandMarker));
  const gradeMarker = sections.get(RULES_SECTIONS.grades);
  if (gradeMarker !== undefined) readGrades(read, dataRows(sheet, gradeMarker));
  return checkedRules(read);
}

/**
 * The indicator section: a row it cannot read falls back to that indicator's default rule, or is dropped; a
 * repeated key is dropped. Stages come from the basic section's 项目阶段 row, which indicator rows refer to.
 */
function readIndicators(
  read: RulesRead,
  rows: readonly number[],
  basicRows: readonly number[]
): void {
  const { sheet, base, d, issues } = read;
  const name = sheet.name;
  const stagesRow = basicRows.find(
    (r) => squash(cellText(sheet.rows[r]?.[0] ?? null)) === squash("项目阶段")
  );
  const stages = stagesRow === undefined ? d.stages : parseList(sheet.rows[stagesRow]?.[1] ?? null);
  const indicators: IndicatorRule[] = [];
  for (const r of rows) {
    const res = readIndicatorRow(sheet, r, stages.length ? stages : d.stages);
    if ("rule" in res) {
      if (indicators.some((i) => i.key === res.rule.key)) {
        issues.push(
          rulesIssue(
            name,
            r,
            0,
            `指标键“${res.rule.key}”重复`,
            `duplicate indicator key "${res.rule.key}"`,
            "已忽略此行",
            "row ignored"
          )
        );
      } else indicators.push(res.rule);
      continue;
    }
    const key = cellText(sheet.rows[r]?.[0] ?? null);
    const fallback = base.indicators.find((i) => i.key === key);
    if (fallback) indicators.push(structuredClone(fallback));
    issues.push(
      rulesIssue(
        name,
        r,
        res.col,
        `${key || "指标"}：${res.zh}`,
        `${key || "indicator"}: ${res.en}`,
        fallback ? "已改用该指标的默认规则" : "已忽略此行",
        fallback ? "the default rule for this indicator is used" : "row ignored"
      )
    );
  }
  d.indicators = indicators;
}

/** The basic section, row by label; a value it cannot read keeps the default, which the warning shows. */
function readBasicRows(read: RulesRead, rows: readonly number[]): void {
  const { sheet, base, d, issues } = read;
  for (const r of rows) {
    const row = sheet.rows[r] ?? [];
    const label = squash(cellText(row[0] ?? null));
    const def = BASIC_ROWS.find((x) => squash(x.label) === label);
    if (!def?.read) continue;
    const v = row[1] ?? null;
    if (isBlank(v) && def.label !== "同分时比较指标" && def.label !== "分组列") continue;
    const f = def.read(v, d);
    if (!f) continue;
    const shown = def.write(base);
    const shownText =
      typeof shown === "number" && def.numberFormat?.includes("%")
        ? `${Math.round(shown * 1000) / 10}%`
        : shown instanceof Date
          ? isoDay(shown)
          : String(shown);
    issues.push(
      rulesIssue(
        sheet.name,
        r,
        1,
        `${def.label}”的取值“${cellText(v)}`,
        `${def.label}: "${cellText(v)}"`,
        `应为${f.zh}，已改用默认值 ${shownText}`,
        `expected ${f.en}; default ${shownText} used`
      )
    );
  }
}

/** The status-band section: a row replaces its status's style; one it cannot read keeps the default style. */
function readBands(read: RulesRead, rows: readonly number[]): void {
  const { sheet, d, issues } = read;
  const styles = d.bands.styles.map((s) => ({ ...s }));
  for (const r of rows) {
    const parsed = readBandRow(sheet.rows[r] ?? []);
    const i = parsed ? styles.findIndex((s) => s.status === parsed.status) : -1;
    if (parsed && i >= 0) styles[i] = parsed;
    else
      issues.push(
        rulesIssue(
          sheet.name,
          r,
          0,
          "状态分档",
          "status band",
          "应为已知状态代码、名称、6位颜色代码（如 D55E00）和符号，已改用默认样式",
          "needs a known status, names, RRGGBB colours and a symbol; default style used"
        )
      );
  }
  d.bands.styles = styles;
}

/** The grade section: every readable row is a grade bound; none readable keeps the default grades. */
function readGrades(read: RulesRead, rows: readonly number[]): void {
  const { sheet, d, issues } = read;
  const grades: { label: string; value: number }[] = [];
  for (const r of rows) {
    const row = sheet.rows[r] ?? [];
    const p = parseNumber(row[1] ?? null);
    if (p.ok && p.value >= 0) grades.push({ label: cellText(row[0] ?? null), value: p.value });
    else
      issues.push(
        rulesIssue(
          sheet.name,
          r,
          1,
          `等次“${cellText(row[0] ?? null)}”的界限`,
          `grade "${cellText(row[0] ?? null)}" bound`,
          "应为非负数字，已忽略此行",
          "must be a non-negative number; row ignored"
        )
      );
  }
  if (grades.length > 0) d.grades.bands = grades;
}

/** The rules read, when they hold together as a whole; else every default, with one warning saying why. */
function checkedRules(read: RulesRead): { rules: RuleSet; issues: Issue[] } {
  const { sheet, base, d, issues } = read;
  const parsed = ruleSetSchema.safeParse(d);
  const problems = parsed.success
    ? checkRuleSet(parsed.data)
    : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (problems.length > 0 || !parsed.success) {
    issues.push(
      rulesIssue(
        sheet.name,
        0,
        0,
        `整体：${problems.join("；")}`,
        `as a whole: ${problems.join("; ")}`,
        "已改用全部默认规则",
        "all default rules are used"
      )
    );
    return { rules: base, issues };
  }
  return { rules: parsed.data, issues };
}
