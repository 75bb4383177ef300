/**
 * The benchmark workload of SPEC §8: a 项目台账 of N projects over 30 units and a 目标分解表, as plain rows.
 * Deterministic (seeded), so every run and every peer sees the same data.
 */
export const STAGES = ["线索", "在谈", "签约", "注册", "开工", "投产"] as const;
export const SIGNED_STAGES = ["签约", "注册", "开工", "投产"] as const;
export const UNIT_COUNT = 30;

export type Row = (string | number)[];

export interface BenchDataset {
  readonly units: readonly string[];
  /** Header + one row per unit: 责任单位, 签约项目(个), 到位资金(万元). */
  readonly targets: readonly Row[];
  /** Header + projects: 项目名称, 责任单位, 项目阶段, 总投资(万元), 到位资金(万元), 签约日期. */
  readonly ledger: readonly Row[];
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

export function buildDataset(rows: number, seed = 20071): BenchDataset {
  const rand = mulberry32(seed);
  const units = Array.from(
    { length: UNIT_COUNT },
    (_, i) => `第${String(i + 1).padStart(2, "0")}责任单位`
  );
  const ledger: Row[] = [
    ["项目名称", "责任单位", "项目阶段", "总投资(万元)", "到位资金(万元)", "签约日期"],
  ];
  for (let i = 0; i < rows; i++) {
    const unit = units[Math.floor(rand() * UNIT_COUNT)] ?? units[0]!;
    const stage = STAGES[Math.floor(rand() * STAGES.length)] ?? "线索";
    const investment = Math.round(500 + rand() * 60000);
    const funds = Math.round(investment * rand() * 0.6);
    const signed = `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    ledger.push([`项目${i + 1}`, unit, stage, investment, funds, signed]);
  }
  const perUnit = rows / UNIT_COUNT;
  const targets: Row[] = [["责任单位", "签约项目(个)", "到位资金(万元)"]];
  // Targets spread around what units achieve, so rates (and therefore ranks) differ.
  for (const unit of units)
    targets.push([
      unit,
      Math.round(perUnit * (0.45 + rand() * 0.5)),
      Math.round(perUnit * (7000 + rand() * 6000)),
    ]);
  return { units, targets, ledger };
}
