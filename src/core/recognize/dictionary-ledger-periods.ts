/** Header words of the ledger columns that say which period a row belongs to: its report month, its year. */
import { headerField as f, type HeaderField } from "./header-field";

export const LEDGER_PERIOD_FIELDS: readonly HeaderField[] = [
  // Ledgers re-report every project each month: the month a row reports.
  f(
    "report_month",
    "ledger",
    "field",
    null,
    null,
    [
      "报送月份",
      "月份",
      "填报月份",
      "统计月份",
      "报告期",
      "报送期",
      "所属月份",
      "报送时间",
      "填报时间",
      "统计时间",
      "统计期",
    ],
    ["報送月份", "月份"],
    ["report month", "month", "reporting month", "period"]
  ),
  // A ledger kept over several years (2022—2024年台账) may type 6月8日 and the year beside it.
  f(
    "ledger_year",
    "ledger",
    "field",
    null,
    null,
    ["年度", "年份", "签约年度", "所属年度", "项目年度", "立项年度", "引进年度"],
    ["年度", "年份", "簽約年度"],
    ["year", "fiscal year"]
  ),
];
