export { createOfficeHost, type OfficeHost, type OfficeHostOptions } from "./office-host";
export { createDefaultOfficeHost } from "./default-host";
export { planReads, type ReadBatch, type ReadRequest, type SheetInfo } from "./plan-reads";
export { planWrites, widthToPoints, bytesOf, type WritePlanOptions } from "./plan-writes";
export {
  resolveTargets,
  safeSheetName,
  type ExistingSheet,
  type SheetTarget,
} from "./sheet-targets";
export { typedText } from "./text-safety";
export { OfficeHostError, type OfficeFailure } from "./host-error";
export { detectFeatures, type OfficeFeatures } from "./features";
export {
  DEFAULT_LIMITS,
  type ExcelRun,
  type OfficeHostStats,
  type OfficeLimits,
  type SetSupport,
} from "./types";
export type { WriteBatch, WriteOp, WriteFeatures } from "./write-ops";
export { chartsAsWritable, CHARTS_UNAVAILABLE_ZH, CHART_NAME } from "./chart-ops";
