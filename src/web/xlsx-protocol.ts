/** Messages between the page and xlsx.worker.ts. */
import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/report";
import type { WireError } from "../taskpane/engine-protocol";
import type { AppliedPlan } from "../workbook/host";

export type XlsxRequest =
  | { readonly kind: "read"; readonly buffer: ArrayBuffer; readonly source: string }
  | { readonly kind: "apply"; readonly buffer: ArrayBuffer; readonly plan: WritePlan };

export type XlsxResponse =
  | { readonly kind: "progress"; readonly fraction: number }
  | { readonly kind: "read"; readonly grid: WorkbookGrid }
  | { readonly kind: "apply"; readonly buffer: ArrayBuffer; readonly applied: AppliedPlan }
  | { readonly kind: "error"; readonly error: WireError };
