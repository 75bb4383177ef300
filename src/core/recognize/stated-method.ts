/**
 * The scoring method a workbook's 考核办法 states. Seed 000 scores by reaching the target: "超额完成目标任务的…
 * 得满分，优先评优；完成目标任务的…得满分，具备评优资格；未完成目标任务的，不得分，取消评优资格". Scored in
 * proportion instead, a district at 95% would rank above one the bureau gives nothing.
 */
import { toA1, type SheetGrid } from "../grid";
import type { ScoringMethod } from "../model/results";
import { toHalfWidth } from "../text";

export interface StatedMethod {
  readonly method: ScoringMethod;
  readonly text: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * 未完成 earns nothing: the mark of threshold scoring. What lies between says nothing of points lost by degree:
 * "未完成的每低1个百分点扣0.5分，低于60%不得分" scores a shortfall by its size, not by reaching the target.
 */
const NOTHING_UNLESS_DONE =
  /未完成(?:目标)?(?:任务)?(?:的|者)?(?:(?!扣|每|低于|不足|按|比例)[^。；;]){0,24}?(?:不得分|得0分|记0分|计0分|不计分|零分)/;
/** 完成 earns the full marks. */
const FULL_WHEN_DONE = /(?<!未)完成(?:目标)?(?:任务)?(?:的|者)?[^。；;]{0,24}?得满分/;
/** Points in proportion to the rate: then it is no threshold rule, whatever else the text says. */
const PROPORTIONAL =
  /按(?:完成)?比例(?:计分|得分|折算)|按完成率(?:计分|折算)|完成率[×x*乘]|[×x*乘](?:以)?完成率|得分=|分值[×x*乘]/;

/** The method a text states, or null when it states none. */
export function methodIn(text: string): ScoringMethod | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  if (PROPORTIONAL.test(t)) return "proportional";
  return NOTHING_UNLESS_DONE.test(t) && FULL_WHEN_DONE.test(t) ? "threshold" : null;
}

/** Rows read from the top of each sheet: a 考核办法 is short, and its rule sits in its opening paragraphs. */
const ROWS = 60;

/** The first method a visible sheet's text cells state (a 考核办法's paragraphs), or null. */
export function statedMethod(sheets: readonly SheetGrid[]): StatedMethod | null {
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    for (let r = 0; r < Math.min(sheet.rows.length, ROWS); r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 30); c++) {
        const v = row[c];
        if (typeof v !== "string" || v.length < 8 || !/分/.test(v)) continue;
        const method = methodIn(v);
        if (method) return { method, text: v.trim(), sheet: sheet.name, cell: toA1(r, c) };
      }
    }
  }
  return null;
}
