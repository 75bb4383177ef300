/**
 * What the printed outputs take from the workbook itself: the jurisdiction its titles name ("清河县2024年…" →
 * 清河县, notices say 全县) and what its earlier-rank column calls the last period (上月排名 → 上月).
 */
import type { SheetGrid, WorkbookGrid } from "../grid/types";
import { columnIndex } from "../grid/address";
import type { SheetReport } from "../model/recognition";

export interface WorkbookContext {
  /** "清河县", "汉中市", "长春市绿园区"; null when no title names one. */
  readonly areaName: string | null;
  /** How a notice names the whole: 全县 / 全区 / 全市 / 全省…; 全市 when nothing says otherwise. */
  readonly area: string;
  /** "上月" / "上季度" / "上年" when a 上月排名-style column says so. */
  readonly previousTerm?: string;
}

/** Longest suffix first: 经济技术开发区 before 区. */
const AREA_SUFFIXES: readonly [string, string][] = [
  ["自治县", "全县"],
  ["自治州", "全州"],
  ["自治旗", "全旗"],
  ["开发区", "全区"],
  ["新区", "全区"],
  ["园区", "全园区"],
  ["街道", "全街道"],
  ["省", "全省"],
  ["市", "全市"],
  ["县", "全县"],
  ["区", "全区"],
  ["旗", "全旗"],
  ["州", "全州"],
  ["盟", "全盟"],
  ["镇", "全镇"],
  ["乡", "全乡"],
];
const SUFFIX = AREA_SUFFIXES.map(([s]) => s).join("|");
/** A place name right before the year or the subject of the title: "清河县2024年", "汉中市招商引资". */
const NAMED = new RegExp(
  `^(?:[\\s\\d、.．()（）]*)([\\u4e00-\\u9fa5]{1,14}?(?:${SUFFIX}))(?=\\s*(?:\\d{4}\\s*年|二[〇○零]|招商|“|"|重点|项目|主要|考核|目标))`
);
/** "全县2024年…", "全省开发区…": the title already says the whole. */
const WHOLE = /^全(省|市|县|区|旗|州|盟|镇|乡)/;
const TITLE_ROWS = 4;

function titleTexts(sheet: SheetGrid, above: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.min(above, TITLE_ROWS, sheet.rows.length); r++)
    for (const v of sheet.rows[r] ?? [])
      if (typeof v === "string" && v.trim().length >= 4) out.push(v.trim());
  return out;
}

/** "清河县" from "清河县2024年招商引资目标任务分解表". */
export function areaNameOf(title: string): string | null {
  const t = title.replace(/\s+/g, "");
  if (WHOLE.test(t)) return null;
  return NAMED.exec(t)?.[1] ?? null;
}

/** 清河县 → 全县, 汉中经济技术开发区 → 全区, 汉中市 → 全市. */
export function areaWord(areaName: string | null, title = ""): string {
  const whole = WHOLE.exec(title.replace(/\s+/g, ""));
  if (whole) return `全${whole[1] ?? "市"}`;
  if (areaName === null) return "全市";
  return AREA_SUFFIXES.find(([s]) => areaName.endsWith(s))?.[1] ?? "全市";
}

function headerText(sheet: SheetGrid, report: SheetReport, letter: string): string {
  const col = columnIndex(letter);
  return report.headerRows
    .map((r) => sheet.rows[r - 1]?.[col])
    .filter((v): v is string => typeof v === "string")
    .join("");
}

/** The context of a recognised workbook; source sheets (targets, actuals, combined) are read first. */
export function workbookContext(
  grid: WorkbookGrid,
  reports: readonly SheetReport[]
): WorkbookContext {
  const byName = new Map(grid.sheets.map((s) => [s.name, s]));
  const sources = reports.filter((r) => ["actuals", "combined", "targets"].includes(r.role));
  const titles: string[] = [];
  for (const r of sources) {
    const sheet = byName.get(r.name);
    if (sheet) titles.push(...titleTexts(sheet, (r.headerRows[0] ?? 1) - 1), r.name);
  }
  for (const sheet of grid.sheets) if (!sheet.hidden) titles.push(...titleTexts(sheet, TITLE_ROWS));
  let areaName: string | null = null;
  let whole = "";
  for (const t of titles) {
    if (WHOLE.test(t.replace(/\s+/g, ""))) {
      whole = t;
      break;
    }
    areaName = areaNameOf(t);
    if (areaName !== null) break;
  }
  let previousTerm: string | undefined;
  for (const r of sources) {
    const letter = r.columns.previous_rank;
    const sheet = byName.get(r.name);
    if (letter === undefined || !sheet) continue;
    const text = headerText(sheet, r, letter);
    previousTerm = /季/.test(text)
      ? "上季度"
      : /月/.test(text)
        ? "上月"
        : /年/.test(text)
          ? "上年"
          : "上期";
    break;
  }
  return {
    areaName,
    area: areaWord(areaName, whole),
    ...(previousTerm === undefined ? {} : { previousTerm }),
  };
}
