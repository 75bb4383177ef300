/**
 * A 台账 that types each project's 到位资金 twice — 累计到位资金 since the project began, and 其中：本年到位资金 —
 * is assessed on this year's: the period is the year, and a project signed in 2023 brought part of its money
 * then. The first column naming 到位资金 would otherwise win, and that is usually the running total.
 */
import type { ColumnMap, MappedColumn } from "./column-map";

/** 本年到位资金 / 当年 / 今年 / 2024年度到位资金: a header naming this year's share, not the running total. */
const THIS_YEAR = /本年|当年|今年|年度|(?:19|20)\d{2}年/;
/** 累计到位资金 / 项目累计到位: the running total since the project began. */
const RUNNING = /累计|总计|合计/;

const namesThisYear = (m: MappedColumn): boolean =>
  THIS_YEAR.test(m.column.name) && !/以前|上年|去年|往年/.test(m.column.name);

/** 累计到位资金 and not 本年: the project's running total since it began, which may hold earlier years' money. */
export const isRunningFunds = (m: MappedColumn): boolean =>
  !namesThisYear(m) && RUNNING.test(m.column.name);

/** The map with 到位资金 read from the this-year column when the column it kept is a running total beside it. */
export function withThisYearFunds(map: ColumnMap): ColumnMap {
  const kept = map.byField.get("funds_in_place");
  if (!kept || namesThisYear(kept) || !RUNNING.test(kept.column.name)) return map;
  const year = map.duplicates.find((d) => d.field.key === "funds_in_place" && namesThisYear(d));
  if (!year) return map;
  const byField = new Map(map.byField);
  byField.set("funds_in_place", year);
  const duplicates = [...map.duplicates.filter((d) => d !== year), kept];
  return { ...map, byField, duplicates };
}
