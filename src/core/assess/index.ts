export { assessWorkbook, type Assessment, type AssessOptions } from "./assess-workbook";
export { assessTables, type AssessTablesInput } from "./assess-tables";
export { toCliJson, type CliJson } from "./cli-json";
export { timeProgress, periodMonths } from "./time-progress";
export {
  rankUnits,
  rankWithinGroups,
  gradeOf,
  honourLists,
  indicatorHonour,
  type Rankable,
} from "./rank";
export {
  readPreviousRanking,
  readPreviousRun,
  planStateSheet,
  planRankingState,
  MAX_HISTORY_CHARS,
  periodKey,
  RANKING_KEY_PREFIX,
} from "./state";
export { planIndicators, convertQuantity, type PlannedIndicator } from "./indicators";
export { describeFilter, previewRules, summarizeRules } from "./summary";
export { dedupeIssues } from "./issue";
