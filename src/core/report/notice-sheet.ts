import { incompleteBanner } from "./incomplete";
import type { AssessmentResults, UnitResult } from "../model";
import {
  moneyText,
  percent,
  periodPhrase,
  stampTime,
  yoyText,
  zhDate,
  zhMonthSpan,
} from "./format";
import { ownerMarkerText } from "../plan/product-sheets";
import { previousTerm, rankMoves, type RankMove } from "./rank-changes";
import { SheetBuilder } from "../plan/sheet-builder";
import type { SheetPlan } from "../plan/write-plan";
import { displayWidth } from "../plan/text-width";
import { indicatorTotals } from "./indicator-totals";
import { groupSections } from "./group-sections";

export { indicatorTotals };

export const NOTICE_SHEET_NAME = "通报稿";

export interface NoticeOptions {
  /** 全市 / 全区 / 全县: how the notice names the whole. */
  readonly area?: string;
  /** The jurisdiction the workbook names ("清河县"), for the title. */
  readonly areaName?: string | null;
  /** What the earlier ranking is called ("上月", "上季度"); from the as-of dates when absent. */
  readonly previousTerm?: string;
  readonly now?: Date;
  readonly utcOffsetMinutes?: number;
  readonly sheetName?: string;
}

// Fits portrait A4 at 100% so hosts that ignore fit-to-width still print it whole.
const WIDTH = 78;

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const digitsOf = (numberFormat: string): number =>
  numberFormat.includes(".") ? (numberFormat.split(".")[1]?.length ?? 2) : 0;

/**
 * 同比 of an indicator over the area: this year's total against last year's, where every unit with an actual has
 * last year's figure (each unit's is actual ÷ (1 + 同比)); null otherwise.
 */
export function totalYoy(results: AssessmentResults, key: string): number | null {
  let now = 0;
  let before = 0;
  let any = false;
  for (const u of results.units) {
    const r = u.indicators[key];
    if (!r || r.actual === null || r.status === "n_a") continue;
    if (r.yoy === null || r.yoy <= -1) return null;
    now += r.actual;
    before += r.actual / (1 + r.yoy);
    any = true;
  }
  return any && before > 0 ? now / before - 1 : null;
}

/** The whole-area paragraph: every indicator's actual, target, completion rate and 同比 where known. */
export function wholeParagraph(results: AssessmentResults, area = "全市"): string {
  const { period } = results;
  const parts = results.indicators.flatMap((ind) => {
    const t = indicatorTotals(results, ind);
    if (!t) return [];
    const digits = digitsOf(ind.numberFormat);
    const rate = t.target > 0 ? `的${percent(t.actual / t.target)}` : "";
    const yoy = totalYoy(results, ind.key);
    return [
      `${ind.name}${moneyText(t.actual, ind.unit, digits)}，完成目标${moneyText(t.target, ind.unit, digits)}${rate}` +
        (yoy === null ? "" : `，${yoyText(yoy)}`),
    ];
  });
  const body = parts.length > 0 ? `${area}${parts.join("；")}。` : `${area}暂无可考核指标。`;
  return (
    `${zhMonthSpan(period.start, period.asOf)}，${body}` +
    `本期考核期为${zhDate(period.start)}至${zhDate(period.end)}，序时进度为${percent(period.timeProgress)}。`
  );
}

/** "葛仙庄镇、连庄镇综合完成进度低于序时进度（66.7%），其中葛仙庄镇严重滞后。", or "" when none is behind. */
export function behindSentence(results: AssessmentResults, units: readonly UnitResult[]): string {
  const behind = units.filter((u) => u.status === "behind" || u.status === "far_behind");
  if (behind.length === 0) return "";
  const far = behind.filter((u) => u.status === "far_behind");
  const tp = percent(results.period.timeProgress);
  const names = (list: readonly UnitResult[]) => list.map((u) => u.unit).join("、");
  if (far.length === behind.length) return `${names(far)}综合完成进度严重滞后于序时进度（${tp}）。`;
  return (
    `${names(behind)}综合完成进度低于序时进度（${tp}）` +
    (far.length > 0 ? `，其中${names(far)}严重滞后` : "") +
    "。"
  );
}

/** "谢炉镇较上月上升2位，葛仙庄镇较上月下降1位。", or "" without earlier ranks. */
export function rankChangeSentence(
  units: readonly UnitResult[],
  moves: ReadonlyMap<string, RankMove>,
  term: string
): string {
  const moved = units.flatMap((u) => {
    const d = moves.get(u.unit)?.delta ?? null;
    return d === null || d === 0
      ? []
      : [`${u.unit}较${term}${d > 0 ? "上升" : "下降"}${Math.abs(d)}位`];
  });
  return moved.length > 0 ? `${moved.join("，")}。` : "";
}

function unitList(units: readonly UnitResult[]): string {
  return units.map((u) => `${u.unit}${u.score.toFixed(2)}分`).join("、");
}

/**
 * One paragraph per 类别 (or one for all units when there is no grouping): scores by rank, rank changes within
 * the group and who is below 序时进度.
 */
export function groupLines(results: AssessmentResults, term?: string): string[] {
  const moves = rankMoves(results);
  const said = previousTerm(results, term);
  const sections = groupSections(results);
  if (!results.grouping) {
    const ranked = sections[0]?.units ?? [];
    if (ranked.length === 0) return [];
    return [
      `各单位综合得分（按名次）：${unitList(ranked)}。` +
        rankChangeSentence(ranked, moves, said) +
        behindSentence(results, ranked),
    ];
  }
  return sections.map(({ group, units: sorted }, i) => {
    const avg = sorted.reduce((s, u) => s + u.score, 0) / sorted.length;
    return (
      `（${NUMERALS[i] ?? String(i + 1)}）${group}（${sorted.length}个）：${unitList(sorted)}；平均得分${avg.toFixed(2)}分，${sorted[0]?.unit ?? ""}位列第一。` +
      rankChangeSentence(sorted, moves, said) +
      behindSentence(results, sorted)
    );
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
    `${options.areaName ?? (options.area === undefined ? "" : area)}${periodPhrase(period.start, period.end, period.asOf)}招商引资考核情况通报`,
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
  for (const line of groupLines(results, options.previousTerm)) put(`　　${line}`, para);
  put("三、红黑榜", { bold: true, fontSize: 12 });
  for (const line of honourLines(results)) put(`　　${line}`, para);
  // Per-indicator lists compare units across groups, which a grouped 打擂 does not do.
  if (!results.grouping) for (const line of indicatorHonourLines(results)) put(`　　${line}`, para);
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

/** 红榜/黑榜 lines: one per 类别 when grouped (units are compared within their group), else overall. */
export function honourLines(results: AssessmentResults): string[] {
  const byGroup = results.honour.byGroup;
  if (results.grouping && byGroup)
    return groupSections(results).flatMap(({ group }) => {
      const l = byGroup[group];
      return l
        ? [`${group}：红榜 ${l.red.join("、") || "无"}；黑榜 ${l.black.join("、") || "无"}。`]
        : [];
    });
  const { red, black } = results.honour;
  return [
    `红榜：${red.length ? `${red.join("、")}（综合得分前${red.length}名）` : "无"}。`,
    `黑榜：${black.length ? `${black.join("、")}（综合得分后${black.length}名）` : "无"}。`,
  ];
}

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
