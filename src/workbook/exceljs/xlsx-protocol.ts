/** Messages between the page and xlsx.worker.ts. */
import type { WorkbookGrid } from "../../core/grid";
import type { WritePlan } from "../../core/plan";
import type { OwnershipSnapshot } from "../../core/ownership";
import type { AppliedPlan, HostErrorWhere, ReadDetail } from "../host";

export type XlsxRequest =
  | { readonly kind: "read"; readonly buffer: ArrayBuffer; readonly source: string }
  | {
      readonly kind: "apply";
      readonly buffer: ArrayBuffer;
      readonly plan: WritePlan;
      readonly snapshot: OwnershipSnapshot;
    };

export type XlsxResponse =
  | { readonly kind: "progress"; readonly fraction: number; readonly detail?: ReadDetail }
  | { readonly kind: "read"; readonly grid: WorkbookGrid }
  | { readonly kind: "apply"; readonly buffer: ArrayBuffer; readonly applied: AppliedPlan }
  | { readonly kind: "error"; readonly error: XlsxWireError };

/** A failure in the worker, as plain data (a HostError does not survive structured cloning). */
export interface XlsxWireError extends HostErrorWhere {
  readonly message_zh: string;
  readonly message_en: string;
}
