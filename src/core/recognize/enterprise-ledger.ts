/**
 * A ledger of enterprises: 企业名称 | 国别 | 所在县区 | 投资总额 | 合同外资 | 设立时间 — each company set up is the
 * record a 外资 ledger counts, and it has no 项目名称. Its 企业名称 column stands for the project name when the
 * other columns already say ledger (sheet-analysis.ts weighs that evidence as for any ledger).
 */
import type { ColumnMap, MappedColumn } from "./column-map";
import { ENTERPRISE_NAME_HEADERS, LEDGER_FIELDS } from "./dictionary-ledgers";

const PROJECT_NAME = LEDGER_FIELDS.find((f) => f.key === "project_name");

/** The map with 企业名称 as the project name, when no column is one; else the map as it was. */
export function withEnterpriseNames(map: ColumnMap): ColumnMap {
  if (map.byField.has("project_name") || !PROJECT_NAME) return map;
  const column = map.unmatched.find(
    (c) => c.group === "" && ENTERPRISE_NAME_HEADERS.test(c.leafNorm)
  );
  if (!column) return map;
  const byField = new Map<string, MappedColumn>(map.byField);
  byField.set("project_name", { field: PROJECT_NAME, column });
  return {
    ...map,
    byField,
    unmatched: map.unmatched.filter((c) => c !== column),
  };
}
