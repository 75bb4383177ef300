/** One size's results, as run.ts gathers them and report.ts / budgets.ts read them. */
import type { PhaseReport } from "./engine-phases";
import type { HfReport } from "./hyperformula-peer";
import type { OfficeReport } from "./office-costs";
import type { PeerFigures } from "./formula-peer";
import type { Timing } from "./stats";

export type Failed = { readonly error: string };

export interface BenchRow {
  readonly rows: number;
  readonly units: number;
  readonly fileMb: number;
  readonly phases: PhaseReport;
  readonly hf: HfReport | Failed | null;
  readonly lo: {
    readonly seconds: Timing;
    readonly figures: PeerFigures;
    readonly rssMb: number;
  } | null;
  /** LibreOffice converting an empty workbook: its start-up, subtracted from its recalculation time. */
  readonly loStartup: Timing | null;
  readonly cli: { readonly seconds: Timing; readonly rssMb: number } | null;
  readonly office: OfficeReport | Failed | null;
  /** Lines where a peer disagrees with the engine; null when the peer did not run. */
  readonly disagree: { readonly hf: string[] | null; readonly lo: string[] | null };
}

export function isFailed<T>(x: T | Failed | null): x is Failed {
  return typeof x === "object" && x !== null && "error" in x;
}
