/**
 * A 台账 with both 总投资 (计划总投资, 投资总额) and 协议投资额 (合同投资额, 签约金额): the project's size and what
 * the agreement signed. Both are read — 总投资 as the investment (thresholds such as 亿元以上, indicators named for
 * 总投资), 协议投资额 as the amount a signing indicator sums (rules' agreedInvestment) — where before the first
 * column won and the other was a duplicate_column.
 */
import type { Issue } from "../issues";
import { columnLetter } from "../grid";
import type { ColumnMap, MappedColumn } from "./column-map";
import { issueAt } from "./issue";

/** A header naming the amount an agreement signed: 协议投资额, 合同投资额, 签约金额, 协议金额, 签约总投资. */
const AGREED = /协议|合同|签约|签订|contract|agreed|signed/;

/** The map with 总投资 as `investment` and the agreement's amount as `investment_agreed`, when it has both. */
export function withAgreedInvestment(map: ColumnMap, sheet: string, issues: Issue[]): ColumnMap {
  const kept = map.byField.get("investment");
  if (!kept) return map;
  const all = [kept, ...map.duplicates.filter((d) => d.field.key === "investment")];
  const agreed = all.find((m) => AGREED.test(m.column.leafNorm));
  const total = all.find((m) => !AGREED.test(m.column.leafNorm));
  if (!agreed || !total) return map;
  const byField = new Map<string, MappedColumn>(map.byField);
  byField.set("investment", total);
  byField.set("investment_agreed", agreed);
  const [a, t] = [agreed.column, total.column];
  issues.push(
    issueAt(
      "derived_indicator",
      "info",
      sheet,
      a.headerRow,
      a.col,
      {
        zh: `台账同时有“${t.name}”（${columnLetter(t.col)} 列）和“${a.name}”（${columnLetter(a.col)} 列）：签约金额类指标按“${a.name}”统计（该行空白时按“${t.name}”），投资额门槛（如亿元以上）和总投资类指标按“${t.name}”`,
        en: `the ledger has both "${t.name}" (column ${columnLetter(t.col)}) and "${a.name}" (column ${columnLetter(a.col)}): signing amounts (签约金额) sum "${a.name}" (or "${t.name}" where a row leaves it blank); investment thresholds (亿元以上) and total-investment indicators use "${t.name}"`,
      },
      "investment"
    )
  );
  return { ...map, byField, duplicates: map.duplicates.filter((d) => d !== agreed && d !== total) };
}
