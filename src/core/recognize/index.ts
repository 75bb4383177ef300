export { recognizeWorkbook } from "./recognize-workbook";
export {
  HEADER_DICTIONARY,
  LEDGER_REQUIRED,
  LEDGER_EXPECTED,
  type HeaderField,
  type FieldScope,
  type FieldKind,
} from "./dictionary";
export { matchHeader } from "./header-match";
export { splitHeaderUnit, unitByLabel, parseUnitNote } from "./measure-units";
export {
  readNumberCell,
  readDateCell,
  readBooleanCell,
  isNotApplicableText,
  type NumberCell,
  type DateCell,
} from "./cell-values";
export { isTotalLabel } from "./row-labels";
export { issueAt, sortIssues } from "./issue";
export type { RecognitionContext } from "./recognize-workbook";
export { fieldsForRole, type FieldLabel } from "./field-choices";
export { statedAsOf, type StatedAsOf } from "./as-of";
export { statedPeriod, type StatedPeriod } from "./stated-period";
export { statedExchangeRate, type StatedRate } from "./stated-rate";
export { statedCap, type StatedCap } from "./stated-cap";
export { findRulesSheet } from "./sheet-kind";
export { describeColumns, type ColumnDescription } from "./column-descriptions";
