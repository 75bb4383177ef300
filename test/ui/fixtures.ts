import type { Issue } from "../../src/core/issues";
import type { AssessmentResults, StatusBand, UnitResult } from "../../src/core/model/results";
import type { SheetReport } from "../../src/core/model/recognition";
import type { AssessOutcome, WorkbookOverview } from "../../src/app/session-types";

export const TARGETS: SheetReport = {
  name: "目标分解表",
  role: "targets",
  confidence: 0.92,
  headerRows: [3, 4],
  columns: { unit: "B", foreign_capital_usd: "C", domestic_capital_cny: "D" },
  dataRows: { first: 5, last: 12 },
  totalRows: [13],
  unrecognisedColumns: ["F"],
  units: { foreign_capital_usd: "亿美元", domestic_capital_cny: "亿元" },
  hidden: false,
};

export const LEDGER: SheetReport = {
  name: "项目台账",
  role: "ledger",
  confidence: 0.55,
  headerRows: [1],
  columns: { project_name: "A", unit: "B", investment: "C" },
  dataRows: { first: 2, last: 40 },
  totalRows: [],
  unrecognisedColumns: [],
  units: {},
  hidden: false,
};

export const ISSUES: readonly Issue[] = [
  {
    code: "unknown_unit",
    severity: "error",
    sheet: "项目台账",
    cell: "B7",
    row: 7,
    field: "unit",
    message_zh: "未知责任单位“高新区 ”",
    message_en: 'Unknown unit "高新区 "',
    suggestion: "高新区",
  },
  {
    code: "number_as_text",
    severity: "warning",
    sheet: "目标分解表",
    cell: "C5",
    row: 5,
    message_zh: "数字存成了文本",
    message_en: "Number stored as text",
  },
  {
    code: "total_mismatch",
    severity: "info",
    sheet: "目标分解表",
    cell: "D13",
    row: 13,
    message_zh: "合计行与各单位之和不符",
    message_en: "Totals row differs from the sum of units",
  },
];

export const OVERVIEW: WorkbookOverview = {
  reports: [TARGETS, LEDGER],
  issues: ISSUES,
  settings: { overrides: {}, asOf: "2026-10-31" },
  empty: false,
  stateSheet: null,
  rulesSheet: null,
  rulesSummary: ["计分方法：按比例计分，封顶 120%"],
  rulesPeriod: { start: "2026-01-01", end: "2026-12-31", asOf: "2026-09-30" },
  columns: {
    目标分解表: [
      { column: "B", header: "责任单位", sample: "高新区" },
      { column: "C", header: "实际利用外资（亿美元）", sample: "12.5" },
      { column: "D", header: "实际利用内资（亿元）", sample: "30" },
      { column: "F", header: "新开工项目（个）", sample: "4" },
    ],
  },
  indicators: [
    { key: "foreign_capital_usd", name: "实际利用外资" },
    { key: "domestic_capital_cny", name: "实际利用内资" },
  ],
  fieldsByRole: {
    ledger: [
      { key: "project_name", label_zh: "项目名称", label_en: "Project" },
      { key: "unit", label_zh: "责任单位", label_en: "Responsible unit" },
      { key: "investment", label_zh: "投资额", label_en: "Investment" },
    ],
    targets: [
      { key: "unit", label_zh: "责任单位", label_en: "Responsible unit" },
      { key: "foreign_capital_usd", label_zh: "实际利用外资", label_en: "Foreign capital" },
      { key: "domestic_capital_cny", label_zh: "实际利用内资", label_en: "Domestic capital" },
    ],
  },
};

export const EMPTY_OVERVIEW: WorkbookOverview = {
  ...OVERVIEW,
  reports: [
    {
      ...TARGETS,
      name: "Sheet1",
      role: "other",
      confidence: 0.1,
      columns: {},
      unrecognisedColumns: [],
      dataRows: null,
      headerRows: [],
    },
  ],
  issues: [],
  empty: true,
};

export const BANDS: readonly StatusBand[] = [
  {
    status: "exceeded",
    label_zh: "超额完成",
    label_en: "Exceeded",
    color: "1B7837",
    fontColor: "FFFFFF",
    symbol: "★",
  },
  {
    status: "completed",
    label_zh: "完成",
    label_en: "Completed",
    color: "5AAE61",
    fontColor: "000000",
    symbol: "●",
  },
  {
    status: "on_pace",
    label_zh: "达到序时进度",
    label_en: "On pace",
    color: "D9F0D3",
    fontColor: "000000",
    symbol: "◐",
  },
  {
    status: "behind",
    label_zh: "滞后",
    label_en: "Behind",
    color: "FDB863",
    fontColor: "000000",
    symbol: "▽",
  },
  {
    status: "far_behind",
    label_zh: "严重滞后",
    label_en: "Far behind",
    color: "B2182B",
    fontColor: "FFFFFF",
    symbol: "✕",
  },
  {
    status: "n_a",
    label_zh: "不适用",
    label_en: "N/A",
    color: "BDBDBD",
    fontColor: "000000",
    symbol: "—",
  },
];

function unit(
  name: string,
  rank: number,
  score: number,
  status: UnitResult["status"],
  previousRank: number | null = null,
  rates: readonly [number, number] = [0.8, 0.8]
): UnitResult {
  const indicator = (rate: number, weight: number) => ({
    target: 10,
    actual: rate * 10,
    rate,
    status:
      rate > 1
        ? ("exceeded" as const)
        : rate >= 10 / 12
          ? ("on_pace" as const)
          : ("behind" as const),
    score: weight * Math.min(rate, 1.2),
    weight,
    targetSource: null,
    actualSource: null,
    yoy: null,
  });
  return {
    unit: name,
    group: null,
    rank,
    groupRank: null,
    score,
    grade: "优秀",
    eligibility: null,
    status,
    previousRank,
    indicators: { fdi: indicator(rates[0], 60), signed: indicator(rates[1], 40) },
  };
}

export const RESULTS: AssessmentResults = {
  period: {
    start: "2026-01-01",
    end: "2026-12-31",
    asOf: "2026-10-31",
    timeProgress: 10 / 12,
    previousAsOf: "2026-09-30",
  },
  method: "proportional",
  indicators: [
    { key: "fdi", name: "实际利用外资", unit: "亿美元", weight: 60, numberFormat: "0.00" },
    { key: "signed", name: "签约项目", unit: "个", weight: 40, numberFormat: "0" },
  ],
  units: [
    unit("高新区", 1, 108.5, "exceeded", 2, [1.25, 0.9]),
    unit("经开区", 2, 90, "on_pace", 1, [0.9, 0.9]),
    unit("东城区", 3, 61.2, "far_behind", null, [0.6, 0.62]),
  ],
  bands: BANDS,
  grouping: false,
  complete: true,
  incomplete: [],
  honour: { red: ["高新区"], black: ["东城区"] },
  rulesSummary: [],
};

export const OUTCOME: AssessOutcome = {
  results: RESULTS,
  issues: ISSUES,
  reports: [TARGETS, LEDGER],
  rankingSheet: "考核排名",
  applied: { sheets: [{ planned: "考核排名", name: "考核排名", replaced: false }] },
  settings: {
    overrides: {},
    asOf: "2026-10-31",
    period: { start: "2026-01-01", end: "2026-12-31" },
  },
  notice: "1—10月份，全市实际利用外资27.50亿美元，完成目标30.00亿美元的91.7%。",
  rateCap: 1.2,
};
