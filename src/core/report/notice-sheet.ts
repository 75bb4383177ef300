import { incompleteBanner } from "./incomplete";
import type { AssessmentResults, IndicatorMeta, UnitResult } from "../model";
import { amount, percent, rankChange, stampTime, zhDate, zhMonthSpan } from "./format";
import { ownerMarkerText } from "../plan/product-sheets";
import { SheetBuilder } from "../plan/sheet-builder";
import type { SheetPlan } from "../plan/write-plan";
import { displayWidth } from "../plan/text-width";

export const NOTICE_SHEET_NAME = "通报稿";

export interface NoticeOptions {
  /** 全市 / 全区 / 全县: how the notice names the whole. */
  readonly area?: string;
  readonly now?: Date;
  readonly utcOffsetMinutes?: number;
  readonly sheetName?: string;
}

// Fits portrait A4 at 100% so hosts that ignore fit-to-width still print it whole.
const WIDTH = 78;

/** Sum of targets and actuals over units the indicator applies to. */
export function indicatorTotals(
  results: AssessmentResults,
  ind: IndicatorMeta
): { target: number; actual: number } | null {
  let target = 0;
  let actual = 0;
  let any = false;
  for (const u of results.units) {
    const r = u.indicators[ind.key];
    if (!r || r.status === "n_a") continue;
    if (r.target !== null) target += r.target;
    if (r.actual !== null) actual += r.actual;
    any = any || r.target !== null || r.actual !== null;
  }
  return any ? { target, actual } : null;
}

/** The whole-area paragraph: every indicator's actual, target and completion rate. */
export function wholeParagraph(results: AssessmentResults, area = "全市"): string {
  const { period } = results;
  const parts = results.indicators.flatMap((ind) => {
    const t = indicatorTotals(results, ind);
    if (!t) return [];
    const digits = ind.numberFormat.includes(".")
      ? (ind.numberFormat.split(".")[1]?.length ?? 2)
      : 0;
    const rate = t.target > 0 ? `的${percent(t.actual / t.target)}` : "";
    return [
      `${ind.name}${amount(t.actual, digits)}${ind.unit}，完成目标${amount(t.target, digits)}${ind.unit}${rate}`,
    ];
  });
  const body = parts.length > 0 ? `${area}${parts.join("；")}。` : `${area}暂无可考核指标。`;
  return (
    `${zhMonthSpan(period.start, period.asOf)}，${body}` +
    `本期考核期为${zhDate(period.start)}至${zhDate(period.end)}，序时进度为${percent(period.timeProgress)}。`
  );
}

function unitList(units: readonly UnitResult[]): string {
  return units.map((u) => `${u.unit}${u.score.toFixed(2)}分`).join("、");
}

/** One line per 类别 (or one line for all units when there is no grouping). */
export function groupLines(results: AssessmentResults): string[] {
  const ranked = [...results.units].sort((a, z) => a.rank - z.rank);
  if (!results.grouping)
    return ranked.length ? [`各单位综合得分（按名次）：${unitList(ranked)}。`] : [];
  const groups = new Map<string, UnitResult[]>();
  for (const u of ranked) {
    const g = u.group ?? "其他";
    groups.set(g, [...(groups.get(g) ?? []), u]);
  }
  const numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  return [...groups].map(([group, list], i) => {
    const sorted = [...list].sort((a, z) => (a.groupRank ?? a.rank) - (z.groupRank ?? z.rank));
    const avg = sorted.reduce((s, u) => s + u.score, 0) / sorted.length;
    return `（${numerals[i] ?? String(i + 1)}）${group}（${sorted.length}个）：${unitList(sorted)}；平均得分${avg.toFixed(2)}分，${sorted[0]?.unit ?? ""}位列第一。`;
  });
}

/** 通报稿 (SPEC §7): the monthly notice in the official register; every figure comes from `results`. */
export function planNoticeSheet(
  results: AssessmentResults,
  options: NoticeOptions = {}
): SheetPlan {
  const b = new SheetBuilder(options.sheetName ?? NOTICE_SHEET_NAME, "notice", true);
  const area = options.area ?? "全市";
  const { period } = results;
  let row = 0;
  const put = (text: string, style: Parameters<SheetBuilder["style"]>[0], minHeight = 20) => {
    b.set(row, 0, text);
    b.exemptFromWidth(row, 0);
    b.style(style, row, 0);
    const lines = Math.max(1, Math.ceil(displayWidth(text) / (WIDTH * 0.95)));
    b.height(row, Math.max(minHeight, lines * 18));
    row++;
  };
  const para = { wrap: true, vertical: "top", fontSize: 12 } as const;

  put(
    `${area}招商引资考核情况通报`,
    { bold: true, fontSize: 18, horizontal: "center", vertical: "middle" },
    32
  );
  put(`（截至${zhDate(period.asOf)}）`, { horizontal: "center", fontSize: 12 });
  const banner = incompleteBanner(results);
  if (banner)
    put(
      `【请勿印发】${banner}`,
      { bold: true, wrap: true, fontSize: 12, fontColor: "C00000", fill: "FFF2CC" },
      36
    );
  row++;
  put("一、总体情况", { bold: true, fontSize: 12 });
  put(`　　${wholeParagraph(results, area)}`, para);
  put(results.grouping ? "二、分类别情况" : "二、各单位情况", { bold: true, fontSize: 12 });
  for (const line of groupLines(results)) put(`　　${line}`, para);
  put("三、红黑榜", { bold: true, fontSize: 12 });
  const red = results.honour.red;
  const black = results.honour.black;
  put(`　　红榜：${red.length ? `${red.join("、")}（综合得分前${red.length}名）` : "无"}。`, para);
  put(
    `　　黑榜：${black.length ? `${black.join("、")}（综合得分后${black.length}名）` : "无"}。`,
    para
  );
  for (const line of indicatorHonourLines(results)) put(`　　${line}`, para);
  const rising = results.units.filter((u) => u.previousRank !== null && u.previousRank > u.rank);
  const falling = results.units.filter((u) => u.previousRank !== null && u.previousRank < u.rank);
  if (rising.length || falling.length) {
    const fmt = (list: readonly UnitResult[]) =>
      list.map((u) => `${u.unit}（${rankChange(u.rank, u.previousRank)}）`).join("、") || "无";
    put(`　　名次上升：${fmt(rising)}；名次下降：${fmt(falling)}。`, para);
  }
  row++;
  put(
    `注：本稿数字均取自考核结果${options.now ? `（生成于${stampTime(options.now, options.utcOffsetMinutes)}）` : ""}，请核对后使用。`,
    { fontSize: 9, fontColor: "404040", wrap: true },
    16
  );
  b.set(row, 0, ownerMarkerText("notice"));
  b.style({ fontSize: 8, fontColor: "808080", italic: true }, row, 0);

  return b.build({
    columnWidths: [WIDTH],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: 1, fitToHeight: 0 },
    tabColor: "009E73",
  });
}

type HonourLists = { readonly red: readonly string[]; readonly black: readonly string[] };

/** 分指标红黑榜, when the results carry per-indicator lists: one line per indicator, in indicator order. */
export function indicatorHonourLines(results: AssessmentResults): string[] {
  const by = (results.honour as { readonly byIndicator?: Readonly<Record<string, HonourLists>> })
    .byIndicator;
  if (!by) return [];
  return results.indicators.flatMap((ind) => {
    const lists = by[ind.key];
    if (!lists || (lists.red.length === 0 && lists.black.length === 0)) return [];
    return [
      `${ind.name}：红榜 ${lists.red.join("、") || "无"}；黑榜 ${lists.black.join("、") || "无"}。`,
    ];
  });
}
