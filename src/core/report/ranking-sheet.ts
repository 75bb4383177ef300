import { EXCEL_MAX_COLUMNS } from "../grid";
import { incompleteBanner } from "./incomplete";
import type { AssessmentResults, IndicatorMeta, UnitResult } from "../model";
import {
  ELIGIBILITY_ZH,
  bandFor,
  percent,
  rankChange,
  stampTime,
  symbolPercentFormat,
  zhDate,
} from "./format";
import { ownerMarkerText } from "../plan/product-sheets";
import { SCORING_METHODS } from "../rules/registry";
import { SheetBuilder, columnRange } from "../plan/sheet-builder";
import type { CellStyle, SheetPlan } from "../plan/write-plan";

export const RANKING_SHEET_NAME = "考核排名";

/** Columns besides the indicators' (排名, 单位, 类别 and 总分, 等次, 评优资格, 名次变化); three per indicator. */
const FIXED_COLUMNS = 7;
/** Indicators that fit in one sheet; beyond them the sheet lists the first ones and says so (results keep all). */
export const MAX_RANKED_INDICATORS = Math.floor((EXCEL_MAX_COLUMNS - FIXED_COLUMNS) / 3);

export interface RankingOptions {
  /** Generation time shown in the footer. */
  readonly now: Date;
  /** Offset of the wall clock printed in the footer; Beijing (480) by default. */
  readonly utcOffsetMinutes?: number;
  /** Title prefix, e.g. "长春市招商引资攻坚". */
  readonly title?: string;
  readonly sheetName?: string;
}

const HEADER_TOP = 2;
const HEADER_ROWS = 2;
const FIRST_DATA = HEADER_TOP + HEADER_ROWS;

const S = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" },
  subtitle: { fontSize: 10, horizontal: "center", fontColor: "404040" },
  titleIncomplete: {
    bold: true,
    fontSize: 16,
    horizontal: "center",
    vertical: "middle",
    fontColor: "C00000",
  },
  banner: {
    bold: true,
    fontSize: 10,
    horizontal: "left",
    wrap: true,
    fontColor: "C00000",
    fill: "FFF2CC",
  },
  header: {
    bold: true,
    fill: "D9E1F2",
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: "thin",
  },
  grid: { border: "thin", vertical: "middle" },
  center: { horizontal: "center" },
  section: { bold: true, fill: "EDEDED", horizontal: "left" },
  total: { bold: true, fill: "F2F2F2" },
  rate: { numberFormat: "0.0%", horizontal: "right" },
  score: { numberFormat: "0.00", bold: true },
  up: { fontColor: "0072B2", bold: true, horizontal: "center" },
  down: { fontColor: "D55E00", bold: true, horizontal: "center" },
  footer: { fontSize: 9, fontColor: "404040", horizontal: "left", vertical: "top", wrap: true },
  marker: { fontSize: 8, fontColor: "808080", italic: true },
  legendLabel: { bold: true, horizontal: "right" },
} satisfies Record<string, CellStyle>;

/** 考核排名 (SPEC §7): one row per unit by rank, indicator target/actual/rate coloured by status band. */
export function planRankingSheet(results: AssessmentResults, options: RankingOptions): SheetPlan {
  const b = new SheetBuilder(options.sheetName ?? RANKING_SHEET_NAME, "ranking", true);
  const inds = results.indicators.slice(0, MAX_RANKED_INDICATORS);
  const cut = results.indicators.length - inds.length;
  const firstInd = 3;
  const tailCol = firstInd + inds.length * 3;
  const [scoreCol, gradeCol, eligCol, changeCol] = [tailCol, tailCol + 1, tailCol + 2, tailCol + 3];
  const lastCol = changeCol;
  const { period } = results;

  const banner = incompleteBanner(results);
  b.set(
    0,
    0,
    `${options.title ?? "招商引资"}考核排名${banner ? "（不完整，不得作为正式排名）" : ""}`
  );
  b.merge(0, 0, 0, lastCol);
  b.style(banner ? S.titleIncomplete : S.title, 0, 0);
  b.height(0, 30);
  const unitLabels = [...new Set(inds.map((i) => i.unit))].join("、");
  const subtitle =
    `考核期 ${zhDate(period.start)}—${zhDate(period.end)}　截至 ${zhDate(period.asOf)}　序时进度 ${percent(period.timeProgress)}` +
    `　计分方法：${SCORING_METHODS[results.method].label_zh}${unitLabels ? `　单位：${unitLabels}` : ""}` +
    (cut > 0
      ? `　本表只列出前 ${inds.length} 个指标，另 ${cut} 个超出 Excel 每个工作表 ${EXCEL_MAX_COLUMNS} 列的上限（总分已计入全部指标）` +
        ` / only the first ${inds.length} indicators are listed: ${cut} more exceed Excel's limit of ${EXCEL_MAX_COLUMNS} columns per sheet (the scores count them all)`
      : "");
  // The banner takes the subtitle's row, so an incomplete ranking can never be printed without it.
  b.set(1, 0, banner ? `${banner}　｜　${subtitle}` : subtitle);
  b.merge(1, 0, 1, lastCol);
  b.style(banner ? S.banner : S.subtitle, 1, 0);
  if (banner) b.height(1, 36);

  // Two-row header: fixed columns span both rows; each indicator heads a 目标/完成/完成率 group.
  const h1 = HEADER_TOP;
  const h2 = HEADER_TOP + 1;
  const fixed: [number, string][] = [
    [0, results.grouping ? "组内排名" : "排名"],
    [1, "单位"],
    [2, "类别"],
    [scoreCol, "总分"],
    [gradeCol, "等次"],
    [eligCol, "评优资格"],
    [changeCol, "名次变化"],
  ];
  for (const [col, text] of fixed) {
    b.set(h1, col, text);
    b.merge(h1, col, h2, col);
  }
  inds.forEach((ind, i) => {
    const c = firstInd + i * 3;
    b.set(h1, c, `${ind.name}（${ind.unit}）`);
    b.merge(h1, c, h1, c + 2);
    b.setRow(h2, c, ["目标", "完成", "完成率"]);
  });
  b.style(S.header, h1, 0, h2, lastCol);
  b.height(h1, 32);

  // Body.
  let row = FIRST_DATA;
  const unitRows: number[] = [];
  const sections = results.grouping
    ? groupsInOrder(results.units)
    : [{ group: null, units: byRank(results.units, false) }];
  for (const section of sections) {
    if (section.group !== null) {
      b.set(row, 0, `${section.group}（${section.units.length}个）`);
      b.merge(row, 0, row, lastCol);
      b.style(S.section, row, 0, row, lastCol);
      row++;
    }
    for (const u of section.units) {
      writeUnitRow(b, row, u, inds, results, { firstInd, scoreCol, gradeCol, eligCol, changeCol });
      unitRows.push(row);
      row++;
    }
  }
  const lastBody = row - 1;

  // Totals: sums over units where both figures exist, rate of the sums.
  b.set(row, 0, "合计");
  b.merge(row, 0, row, 2);
  inds.forEach((ind, i) => {
    const c = firstInd + i * 3;
    let t = 0;
    let a = 0;
    let any = false;
    for (const u of results.units) {
      const r = u.indicators[ind.key];
      if (!r || r.status === "n_a") continue;
      if (r.target !== null) t += r.target;
      if (r.actual !== null) a += r.actual;
      any = any || r.target !== null || r.actual !== null;
    }
    b.setRow(row, c, any ? [round(t, 6), round(a, 6), t > 0 ? a / t : null] : [null, null, null]);
    b.style({ numberFormat: ind.numberFormat }, row, c, row, c + 1);
    b.style(S.rate, row, c + 2);
  });
  if (results.units.length > 0) {
    b.set(
      row,
      scoreCol,
      round(results.units.reduce((s, u) => s + u.score, 0) / results.units.length, 2)
    );
    b.set(row, gradeCol, "平均分");
    b.style(S.score, row, scoreCol);
  }
  b.style(S.total, row, 0, row, lastCol);
  const totalRow = row;
  b.style(S.grid, FIRST_DATA, 0, totalRow, lastCol);
  if (unitRows.length > 0)
    b.dataBar({ range: columnRange(scoreCol, FIRST_DATA, lastBody), color: "5B9BD5" });
  row += 2;

  // Legend: every band with its colour and symbol, so the sheet reads in greyscale.
  b.set(row, 1, "图例");
  b.style(S.legendLabel, row, 1);
  const per = Math.max(1, Math.min(results.bands.length, Math.floor((lastCol - 1) / 2)));
  results.bands.forEach((band, i) => {
    const r = row + Math.floor(i / per);
    const c = 2 + (i % per) * 2;
    b.set(r, c, `${band.symbol} ${band.label_zh}`);
    b.merge(r, c, r, c + 1);
    b.style(
      {
        fill: band.color,
        fontColor: band.fontColor,
        horizontal: "center",
        border: "thin",
        bold: true,
      },
      r,
      c,
      r,
      c + 1
    );
  });
  row += Math.ceil(results.bands.length / per) + 1;

  // Footer: rules summary, generation time, ownership marker.
  const footerLines = [
    ...results.rulesSummary.map((l, i) => (i === 0 ? `考核规则：${l}` : `　　${l}`)),
    `生成时间：${stampTime(options.now, options.utcOffsetMinutes)}　名次变化${results.grouping ? "（按全部单位总排名）" : ""}：↑上升 ↓下降 —持平 新=首次参评`,
  ];
  for (const line of footerLines) {
    b.set(row, 0, line);
    b.merge(row, 0, row, lastCol);
    b.style(S.footer, row, 0, row, lastCol);
    row++;
  }
  b.set(row, 0, ownerMarkerText("ranking"));
  b.merge(row, 0, row, lastCol);
  b.style(S.marker, row, 0);

  const widths = b.autoWidths(5, 28, (col, v) => {
    if (col >= firstInd && col < tailCol && (col - firstInd) % 3 === 2) return 7;
    return Number.isInteger(v) ? String(v).length : v.toFixed(2).length;
  });
  widths[0] = Math.max(widths[0] ?? 0, 6);
  while (widths.length <= lastCol) widths.push(8);

  return b.build({
    columnWidths: widths,
    freeze: { rows: FIRST_DATA, columns: 2 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: [HEADER_TOP + 1, HEADER_TOP + HEADER_ROWS],
      centerHorizontally: true,
      footer: "第 &P 页，共 &N 页",
    },
    tabColor: banner ? "C00000" : "0072B2",
  });
}

interface Cols {
  firstInd: number;
  scoreCol: number;
  gradeCol: number;
  eligCol: number;
  changeCol: number;
}

function writeUnitRow(
  b: SheetBuilder,
  row: number,
  u: UnitResult,
  inds: readonly IndicatorMeta[],
  results: AssessmentResults,
  c: Cols
): void {
  b.setRow(row, 0, [results.grouping ? (u.groupRank ?? u.rank) : u.rank, u.unit, u.group ?? ""]);
  b.style(S.center, row, 0);
  inds.forEach((ind, i) => {
    const col = c.firstInd + i * 3;
    const r = u.indicators[ind.key];
    const band = bandFor(results.bands, r?.status ?? "n_a");
    const target = r?.target ?? null;
    const actual = r?.actual ?? null;
    b.setRow(row, col, [target ?? "—", actual ?? "—"]);
    b.style({ numberFormat: ind.numberFormat, horizontal: "right" }, row, col, row, col + 1);
    const rate = r?.rate ?? null;
    b.set(row, col + 2, rate ?? `${band.symbol} ${band.label_zh}`);
    b.style(
      {
        fill: band.color,
        fontColor: band.fontColor,
        numberFormat: symbolPercentFormat(band.symbol),
        horizontal: rate === null ? "center" : "right",
      },
      row,
      col + 2
    );
  });
  b.set(row, c.scoreCol, round(u.score, 2));
  b.style(S.score, row, c.scoreCol);
  b.set(row, c.gradeCol, u.grade);
  b.set(row, c.eligCol, u.eligibility ? ELIGIBILITY_ZH[u.eligibility] : "");
  b.style(S.center, row, c.gradeCol, row, c.eligCol);
  const change = rankChange(u.rank, u.previousRank, (results.period.previousAsOf ?? null) !== null);
  b.set(row, c.changeCol, change);
  b.style(
    change.startsWith("↑") ? S.up : change.startsWith("↓") ? S.down : S.center,
    row,
    c.changeCol
  );
}

function byRank(units: readonly UnitResult[], inGroup: boolean): UnitResult[] {
  return [...units].sort(
    (a, z) => (inGroup ? (a.groupRank ?? a.rank) - (z.groupRank ?? z.rank) : 0) || a.rank - z.rank
  );
}

/** Groups in the order of their best-ranked unit; units without a group last, under "其他". */
function groupsInOrder(units: readonly UnitResult[]): { group: string; units: UnitResult[] }[] {
  const map = new Map<string, UnitResult[]>();
  for (const u of byRank(units, false)) {
    const g = u.group ?? "其他";
    const list = map.get(g) ?? [];
    list.push(u);
    map.set(g, list);
  }
  return [...map].map(([group, list]) => ({ group, units: byRank(list, true) }));
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
