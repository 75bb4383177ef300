/** Messages between the pane and engine.worker.ts. Everything is structured-cloneable (Dates, Maps, Sets). */
import type { WorkbookGrid } from "../../core/grid";
import type { EngineAssess, EngineAssessInput, EngineCheck, EngineCheckInput } from "../engine";
import type { Phase } from "../session-types";
import type { SessionErrorCode } from "../session-error";

export type EngineRequest =
  | { readonly kind: "check"; readonly grid: WorkbookGrid; readonly input: EngineCheckInput }
  | { readonly kind: "assess"; readonly grid: WorkbookGrid; readonly input: EngineAssessInput };

export interface WireError {
  readonly code: SessionErrorCode;
  readonly message_zh: string;
  readonly message_en: string;
  readonly sheet?: string;
  readonly cell?: string;
}

export type EngineResponse =
  | { readonly kind: "phase"; readonly phase: Phase }
  | { readonly kind: "check"; readonly value: EngineCheck }
  | { readonly kind: "assess"; readonly value: EngineAssess }
  | { readonly kind: "error"; readonly error: WireError };
