/**
 * The benchmark workload of SPEC §8: a 项目台账 of N projects over 30 (or 300) units and a 目标分解表, as plain
 * rows. Deterministic (seeded), so every run and every peer sees the same data.
 *
 * The ledger has the columns a bureau's ledger has (serial number, names, investor, industry, yes/no, stage,
 * two amounts, two dates, origin, remarks) and about 3% dirty cells of the kinds bureau ledgers hold: "—" and
 * blanks in amounts, amounts typed as text, stage synonyms, text dates, start dates before signing, unreadable
 * dates, remarks beginning with "=". The dirt is chosen so that the formula workbook staff keep today computes
 * the same figures as the engine (a text amount in a summed column would make the formulas wrong, not slower):
 * text amounts stay under the 3000万元 threshold, stage synonyms are for stages below 签约.
 */
export const STAGES = ["线索", "在谈", "签约", "注册", "开工", "投产"] as const;
export const SIGNED_STAGES = ["签约", "注册", "开工", "投产"] as const;
/** 签约项目 counts projects at 签约 or later whose 总投资 is above this (万元). */
export const SIGNED_THRESHOLD = 3000;

export type Cell = string | number | Date | null;
export type Row = Cell[];

export const LEDGER_HEADER = [
  "序号",
  "项目名称",
  "责任单位",
  "投资方",
  "产业类别",
  "是否工业项目",
  "项目阶段",
  "总投资(万元)",
  "到位资金(万元)",
  "签约日期",
  "开工日期",
  "来源地",
  "备注",
] as const;

/** Ledger column letters the formula workbook refers to. */
export const LEDGER_COLUMNS = { unit: "C", stage: "G", investment: "H", funds: "I" } as const;
export const TARGETS_HEADER = ["序号", "责任单位", "签约项目(个)", "到位资金(万元)"] as const;

export interface BenchDataset {
  readonly rows: number;
  readonly units: readonly string[];
  /** Header + one row per unit. */
  readonly targets: readonly Row[];
  /** Header + projects. */
  readonly ledger: readonly Row[];
  /** Dirty cells written, by kind. */
  readonly dirt: Readonly<Record<string, number>>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = "东西南北中新青临安丰华宁泰和兴永长平清河湖江山城高阳明德福康";
const KINDS = ["区", "县", "开发区", "高新区", "镇", "街道", "园区", "新区", "经济区", "工业园"];
const INDUSTRIES = [
  "装备制造",
  "新能源",
  "新材料",
  "电子信息",
  "生物医药",
  "现代服务业",
  "文旅",
  "现代农业",
];
const INVESTORS = ["有限公司", "集团", "股份有限公司", "科技有限公司", "投资有限公司"];
const ORIGINS = ["省内", "省外", "境外"];

/** Distinct, realistic unit names: 东城区, 西湖高新区…; more than the places give get a number. */
export function unitNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const a = PLACES[i % PLACES.length] ?? "东";
    const b = PLACES[(i * 7 + 3) % PLACES.length] ?? "城";
    const kind = KINDS[Math.floor(i / PLACES.length) % KINDS.length] ?? "区";
    const round = Math.floor(i / (PLACES.length * KINDS.length));
    names.push(`${a}${b}${round > 0 ? String(round + 1) : ""}${kind}`);
  }
  return names;
}

const DAY = 86_400_000;

function date(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

/** Dirty cell kinds and what each does to a row (columns by LEDGER_HEADER index). */
const DIRT: readonly { kind: string; apply: (row: Row, rand: () => number) => void }[] = [
  { kind: "funds n/a (—)", apply: (row) => void (row[8] = "—") },
  { kind: "funds blank", apply: (row) => void (row[8] = null) },
  {
    kind: "investment as text under the threshold",
    apply: (row, rand) => {
      const v = 100 + Math.floor(rand() * 2800);
      row[7] = rand() < 0.5 ? v.toLocaleString("en") : toFullWidth(String(v));
    },
  },
  {
    kind: "stage synonym below 签约",
    apply: (row, rand) => void (row[6] = rand() < 0.5 ? "洽谈中" : "意向"),
  },
  {
    kind: "signing date as text",
    apply: (row) => {
      const d = row[9];
      if (d instanceof Date)
        row[9] = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    },
  },
  {
    kind: "start before signing",
    apply: (row) => {
      const d = row[9];
      if (d instanceof Date) row[10] = new Date(d.getTime() - 20 * DAY);
    },
  },
  { kind: "start date unreadable", apply: (row) => void (row[10] = "待定") },
  { kind: "remarks beginning with =", apply: (row) => void (row[12] = "=见附件2") },
];

function toFullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** ~3% of rows carry one dirty cell. */
export const DIRTY_SHARE = 0.03;

export function buildDataset(rows: number, unitCount = 30, seed = 20071): BenchDataset {
  const rand = mulberry32(seed);
  const units = unitNames(unitCount);
  const dirt: Record<string, number> = {};
  const ledger: Row[] = [[...LEDGER_HEADER]];
  for (let i = 0; i < rows; i++) {
    const unit = units[Math.floor(rand() * unitCount)] ?? units[0] ?? "";
    const stageIndex = Math.floor(rand() * STAGES.length);
    const stage = STAGES[stageIndex] ?? "线索";
    const investment = Math.round(500 + rand() * 60000);
    const funds = stageIndex >= 2 ? Math.round(investment * rand() * 0.6) : 0;
    const signed = date(2024, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    const started =
      stageIndex >= 4 ? new Date(signed.getTime() + Math.floor(rand() * 120) * DAY) : null;
    const industry = INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)] ?? "";
    const row: Row = [
      i + 1,
      `${unit}${industry}项目${i + 1}`,
      unit,
      `${PLACES[i % PLACES.length] ?? ""}${industry.slice(0, 2)}${INVESTORS[i % INVESTORS.length] ?? ""}`,
      industry,
      industry === "现代服务业" || industry === "文旅" ? "否" : "是",
      stage,
      investment,
      funds,
      signed,
      started,
      ORIGINS[Math.floor(rand() * ORIGINS.length)] ?? "",
      rand() < 0.1 ? "重点项目" : null,
    ];
    if (rand() < DIRTY_SHARE) {
      const d = DIRT[Math.floor(rand() * DIRT.length)];
      if (d) {
        d.apply(row, rand);
        dirt[d.kind] = (dirt[d.kind] ?? 0) + 1;
      }
    }
    ledger.push(row);
  }
  const perUnit = rows / unitCount;
  const targets: Row[] = [[...TARGETS_HEADER]];
  // Targets spread around what units achieve, so rates (and therefore ranks) differ.
  units.forEach((unit, i) =>
    targets.push([
      i + 1,
      unit,
      Math.max(1, Math.round(perUnit * (0.45 + rand() * 0.5))),
      Math.max(1, Math.round(perUnit * (4500 + rand() * 5000))),
    ])
  );
  return { rows, units, targets, ledger, dirt };
}
