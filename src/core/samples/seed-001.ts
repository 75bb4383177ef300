/**
 * 长府发〔2007〕19号 附件1 招商引资攻坚目标分解表, exactly as published (seed 001): the canonical targets sheet.
 * Campaign period 2007-07-01..2008-03-31.
 */
export interface Seed001Unit {
  readonly no: number;
  readonly unit: string;
  /** 开发区 / 城区 / 县市, for grouped ranking. */
  readonly group: string;
  readonly foreignUsd: number;
  readonly domesticCny: number;
  readonly packaged: number;
  readonly promoted: number;
  readonly negotiating: number;
  readonly signedTotal: number;
  /** null where the table prints "---" (the indicator does not apply). */
  readonly signedIndustrial: number | null;
}

export const SEED_001_TITLE = "招商引资攻坚目标分解表";
export const SEED_001_NOTE = "项目单位:个";
export const SEED_001_PERIOD = { start: "2007-07-01", end: "2008-03-31" } as const;

export const SEED_001_TOTALS = {
  foreignUsd: 14,
  domesticCny: 194,
  packaged: 1000,
  promoted: 400,
  negotiating: 600,
  signedTotal: 800,
  signedIndustrial: 400,
} as const;

const u = (
  no: number,
  unit: string,
  group: string,
  foreignUsd: number,
  domesticCny: number,
  packaged: number,
  promoted: number,
  negotiating: number,
  signedTotal: number,
  signedIndustrial: number | null
): Seed001Unit => ({
  no,
  unit,
  group,
  foreignUsd,
  domesticCny,
  packaged,
  promoted,
  negotiating,
  signedTotal,
  signedIndustrial,
});

export const SEED_001_UNITS: readonly Seed001Unit[] = [
  u(1, "经开区", "开发区", 4.72, 31.5, 150, 55, 80, 110, 84),
  u(2, "高新区", "开发区", 4.45, 27.65, 150, 55, 80, 110, 84),
  u(3, "净月区", "开发区", 0.91, 26.35, 100, 45, 70, 90, 10),
  u(4, "汽开区", "开发区", 1.19, 24.05, 100, 45, 70, 90, 66),
  u(5, "朝阳区", "城区", 0.26, 10.9, 60, 26, 40, 52, 12),
  u(6, "南关区", "城区", 0.24, 4.9, 40, 15, 20, 30, null),
  u(7, "宽城区", "城区", 0.34, 8.6, 55, 24, 35, 48, 16),
  u(8, "二道区", "城区", 0.32, 7.25, 45, 18, 25, 36, 10),
  u(9, "绿园区", "城区", 0.13, 6.75, 55, 19, 35, 38, 16),
  u(10, "双阳区", "城区", 0.33, 8.25, 45, 18, 25, 36, 14),
  u(11, "榆树市", "县市", 0.14, 6.55, 45, 18, 25, 36, 20),
  u(12, "农安县", "县市", 0.34, 9.35, 45, 18, 25, 36, 20),
  u(13, "德惠市", "县市", 0.41, 12.95, 55, 22, 35, 44, 22),
  u(14, "九台市", "县市", 0.22, 8.95, 55, 22, 35, 44, 26),
];

/** Leaf headers of the two-row header, left to right from column C. */
export const SEED_001_LEAF_HEADERS = [
  "实际利用外资(亿美元)",
  "实际利用内资(亿元)",
  "包装项目",
  "重点规划推介项目",
  "在谈项目",
  "项目总数",
  "其中工业项目",
] as const;

/** Group headers: text, first leaf index, last leaf index. */
export const SEED_001_GROUP_HEADERS: readonly (readonly [string, number, number])[] = [
  ["实际利用内、外资指标", 0, 1],
  ["储备项目", 2, 4],
  ["签约项目", 5, 6],
];

export const INDUSTRIES = [
  "汽车及零部件",
  "农产品精深加工",
  "光电信息",
  "生物医药",
  "新材料",
  "新能源",
  "装备制造",
  "现代服务业",
  "商贸物流",
  "文化旅游",
  "房地产",
] as const;

/** Industries counted as 工业 (the first seven). */
export const INDUSTRIAL_INDUSTRIES: ReadonlySet<string> = new Set(INDUSTRIES.slice(0, 7));
