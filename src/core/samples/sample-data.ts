import { isoDayMs, MS_PER_DAY } from "../grid/excel-date";
import { Prng } from "./prng";
import type { SampleProject } from "./ledger-sheet";
import {
  INDUSTRIAL_INDUSTRIES,
  INDUSTRIES,
  SEED_001_PERIOD,
  SEED_001_UNITS,
  type Seed001Unit,
} from "./seed-001";
import { round2 } from "./unit-table";

/** A unit's reported actuals in seed 001's column order; null where the target is "---". */
export interface UnitActuals {
  readonly unit: Seed001Unit;
  readonly values: readonly (number | null)[];
}

export interface SampleData {
  readonly asOf: string;
  readonly actuals: readonly UnitActuals[];
  readonly projects: readonly SampleProject[];
}

export const SAMPLE_SEED = 20070710;
export const SAMPLE_AS_OF = "2008-01-31";

const CITIES = [
  "深圳",
  "上海",
  "北京",
  "香港",
  "台湾",
  "韩国",
  "日本",
  "德国",
  "浙江",
  "江苏",
  "广州",
  "天津",
  "大连",
  "新加坡",
  "美国",
];
const WORDS = [
  "华通",
  "鑫源",
  "恒达",
  "宏图",
  "天成",
  "金桥",
  "瑞丰",
  "东方",
  "远大",
  "中诚",
  "嘉禾",
  "海纳",
  "博远",
  "永盛",
  "星河",
  "泰和",
];
const SUFFIXES = ["有限公司", "集团有限公司", "股份有限公司", "投资有限公司", "实业有限公司"];
const PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  汽车及零部件: ["汽车座椅", "制动系统", "汽车线束", "专用车改装", "发动机缸体"],
  农产品精深加工: ["玉米深加工", "肉牛屠宰加工", "乳制品", "大豆蛋白", "饲料生产"],
  光电信息: ["液晶模组", "LED封装", "光学镜头", "软件外包", "激光器件"],
  生物医药: ["生物疫苗", "中药饮片", "医疗器械", "基因药物", "保健品"],
  新材料: ["碳纤维", "高分子材料", "特种钢材", "新型建材", "复合材料"],
  新能源: ["风电设备", "生物质发电", "太阳能组件", "燃料乙醇", "锂电池"],
  装备制造: ["轨道客车配件", "数控机床", "农机装备", "输变电设备", "重型机械"],
  现代服务业: ["服务外包基地", "金融后台中心", "会展中心", "动漫游戏园", "研发中心"],
  商贸物流: ["物流园", "商贸城", "冷链仓储", "建材市场", "汽车城"],
  文化旅游: ["温泉度假村", "影视基地", "文化产业园", "生态旅游区", "滑雪场"],
  房地产: ["城市综合体", "旧城改造", "商务楼宇", "住宅小区", "酒店公寓"],
};

/**
 * Plausible actuals and a ledger consistent with them: per unit, the projects at stage ≥ 签约 signed in the
 * period with investment ≥ 3000万元 number exactly the reported 项目总数, the industrial ones 其中工业项目,
 * the 在谈 ones 在谈项目, and 到位资金 of registered projects adds up to the reported 实际利用内资.
 */
export function generateSampleData(seed = SAMPLE_SEED, asOf = SAMPLE_AS_OF): SampleData {
  const rng = new Prng(seed);
  const start = isoDayMs(SEED_001_PERIOD.start);
  const end = Math.min(isoDayMs(asOf), isoDayMs(SEED_001_PERIOD.end));
  const names = new Set<string>();
  const actuals: UnitActuals[] = [];
  const projects: SampleProject[] = [];

  for (const unit of SEED_001_UNITS) {
    const skill = clamp(rng.normal(0.8, 0.2), 0.35, 1.3);
    const rate = () => clamp(skill * rng.normal(1, 0.12), 0.15, 1.5);
    const foreign = round2(unit.foreignUsd * rate());
    const domestic = round2(unit.domesticCny * rate());
    const packaged = Math.round(unit.packaged * rate());
    const promoted = Math.round(unit.promoted * rate());
    const negotiating = Math.round(unit.negotiating * rate());
    const signed = Math.max(1, Math.round(unit.signedTotal * rate()));
    const industrial =
      unit.signedIndustrial === null
        ? null
        : Math.min(signed, Math.round(unit.signedIndustrial * rate()));
    actuals.push({
      unit,
      values: [foreign, domestic, packaged, promoted, negotiating, signed, industrial],
    });

    const unitProjects: SampleProject[] = [];
    for (let i = 0; i < signed; i++) {
      const isIndustrial = i < (industrial ?? 0);
      unitProjects.push(signedProject(rng, names, unit.unit, isIndustrial, start, end));
    }
    for (let i = 0; i < negotiating; i++)
      unitProjects.push(openProject(rng, names, unit.unit, "在谈"));
    const leads = rng.int(2, 6);
    for (let i = 0; i < leads; i++) unitProjects.push(openProject(rng, names, unit.unit, "线索"));
    projects.push(...allocateFunds(unitProjects, Math.round(domestic * 10_000)));
  }
  // Ledgers are kept in the order projects are entered: by signing date, open projects last.
  const ordered = rng
    .shuffle(projects)
    .sort(
      (a, z) =>
        (a.signedDate?.getTime() ?? Number.MAX_SAFE_INTEGER) -
        (z.signedDate?.getTime() ?? Number.MAX_SAFE_INTEGER)
    );
  return { asOf, actuals, projects: ordered };
}

function signedProject(
  rng: Prng,
  names: Set<string>,
  unit: string,
  industrial: boolean,
  start: number,
  end: number
): SampleProject {
  const industries = INDUSTRIES.filter((i) => INDUSTRIAL_INDUSTRIES.has(i) === industrial);
  const industry = rng.pick(industries);
  const span = Math.floor((end - start) / MS_PER_DAY);
  const signedAt = start + rng.int(0, span) * MS_PER_DAY;
  let stage: SampleProject["stage"] = rng.pick([
    "签约",
    "签约",
    "签约",
    "注册",
    "注册",
    "注册",
    "开工",
    "开工",
    "投产",
  ] as const);
  const registeredAt = signedAt + rng.int(10, 60) * MS_PER_DAY;
  const startedAt = registeredAt + rng.int(15, 90) * MS_PER_DAY;
  if (stage !== "签约" && registeredAt > end) stage = "签约";
  if ((stage === "开工" || stage === "投产") && startedAt > end) stage = "注册";
  const reached = (s: SampleProject["stage"]) =>
    ["注册", "开工", "投产"].indexOf(stage) >= ["注册", "开工", "投产"].indexOf(s);
  return {
    ...identity(rng, names, industry),
    unit,
    industry,
    investment: investment(rng),
    industrial,
    stage,
    signedDate: new Date(signedAt),
    registeredDate: stage !== "签约" && reached("注册") ? new Date(registeredAt) : null,
    startedDate: stage === "开工" || stage === "投产" ? new Date(startedAt) : null,
    fundsInPlace: null,
  };
}

function openProject(
  rng: Prng,
  names: Set<string>,
  unit: string,
  stage: "在谈" | "线索"
): SampleProject {
  const industry = rng.pick(INDUSTRIES);
  return {
    ...identity(rng, names, industry),
    unit,
    industry,
    investment: investment(rng),
    industrial: INDUSTRIAL_INDUSTRIES.has(industry),
    stage,
    signedDate: null,
    registeredDate: null,
    startedDate: null,
    fundsInPlace: null,
  };
}

function identity(
  rng: Prng,
  names: Set<string>,
  industry: string
): { name: string; investor: string } {
  for (let attempt = 0; ; attempt++) {
    const city = rng.pick(CITIES);
    const word = rng.pick(WORDS);
    const product = rng.pick(PRODUCTS[industry] ?? ["综合"]);
    const phase =
      attempt < 3
        ? ""
        : `${["", "二期", "三期", "扩建"][attempt % 4]}${attempt >= 8 ? attempt : ""}`;
    const name = `${city}${word}${product}${phase}项目`;
    if (names.has(name)) continue;
    names.add(name);
    return { name, investor: `${city}${word}${rng.pick(SUFFIXES)}` };
  }
}

/** Over 3000万元 (seed 001 counts 签约投资超3000万元, strictly more) to 30亿元, most below 5亿元; whole 百万元. */
function investment(rng: Prng): number {
  const v = 3000 * Math.exp(Math.abs(rng.normal(0, 1.3)));
  return Math.min(300_000, Math.max(3100, Math.round(v / 100) * 100));
}

/** Spreads `total` 万元 over registered (else signed) projects in proportion to investment, exactly. */
function allocateFunds(projects: readonly SampleProject[], total: number): SampleProject[] {
  const registered = projects.filter((p) => p.registeredDate !== null);
  const receivers =
    registered.length > 0 ? registered : projects.filter((p) => p.signedDate !== null);
  const weight = receivers.reduce((s, p) => s + p.investment, 0);
  let left = total;
  const funds = new Map<SampleProject, number>();
  receivers.forEach((p, i) => {
    const share = i === receivers.length - 1 ? left : Math.floor((total * p.investment) / weight);
    funds.set(p, share);
    left -= share;
  });
  return projects.map((p) => (funds.has(p) ? { ...p, fundsInPlace: funds.get(p) ?? 0 } : p));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
