/**
 * A grouped 打擂 as bureaus print it: each 类别 in the order the workbook lists them (县区, 园区, 部门 stay where the
 * targets sheet put them from one period to the next), units by their rank within the group. Every printed output
 * (考核排名, 通报稿, 图表, the terminal table) takes its sections from here.
 */
import type { AssessmentResults, UnitResult } from "../model";

/** The section of units without a 类别 in a grouped table. */
export const UNGROUPED = "其他";

export interface GroupSection {
  readonly group: string;
  /** By rank within the group. */
  readonly units: readonly UnitResult[];
}

const groupOf = (u: UnitResult): string => u.group ?? UNGROUPED;

/** One section per 类别 when grouping is on (workbook order), else one unnamed section of every unit by rank. */
export function groupSections(results: AssessmentResults): GroupSection[] {
  const byRank = [...results.units].sort((a, z) => a.rank - z.rank);
  if (!results.grouping) return [{ group: "", units: byRank }];
  const order = [...(results.groupOrder ?? []), ...byRank.map(groupOf)];
  const sections = new Map<string, UnitResult[]>();
  for (const g of order) if (!sections.has(g)) sections.set(g, []);
  for (const u of byRank) sections.get(groupOf(u))?.push(u);
  return [...sections]
    .filter(([, units]) => units.length > 0)
    .map(([group, units]) => ({
      group,
      units: units.sort(
        (a, z) => (a.groupRank ?? a.rank) - (z.groupRank ?? z.rank) || a.rank - z.rank
      ),
    }));
}
