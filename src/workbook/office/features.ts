/** Optional Office.js features, decided once per host from the requirement sets Excel reports. */
import type { WriteFeatures } from "./write-ops";
import type { SetSupport } from "./types";

export interface OfficeFeatures extends WriteFeatures {
  /** ExcelApi 1.6: `application.suspendApiCalculationUntilNextSync`. */
  readonly suspendCalculation: boolean;
  /** ExcelApi 1.13: `range.getMergedAreasOrNullObject`. */
  readonly mergedAreas: boolean;
  /** ExcelApi 1.7: `workbook.name`. */
  readonly workbookName: boolean;
  /** ExcelApi 1.7: `workbook.protection`. */
  readonly protection: boolean;
}

export function detectFeatures(isSetSupported: SetSupport): OfficeFeatures {
  const api = (version: string) => isSetSupported("ExcelApi", version);
  return {
    rangeAreas: api("1.9"),
    pageLayout: api("1.9"),
    hyperlinks: api("1.7"),
    tabColor: api("1.7"),
    dataValidation: api("1.8"),
    conditionalFormats: api("1.6"),
    charts: api("1.7"),
    chartAxisFormat: api("1.8"),
    suspendCalculation: api("1.6"),
    mergedAreas: api("1.13"),
    workbookName: api("1.7"),
    protection: api("1.7"),
  };
}
