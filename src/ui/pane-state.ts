/** The pane's state and its transitions, pure so every screen state can be built in a test. */
import type { AssessOutcome, PhaseProgress, WorkbookOverview } from "../app/session-types";
import { PHASES } from "../app/session-types";
import type { SessionError } from "../app/session-error";

export type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly progress: PhaseProgress }
  | { readonly kind: "done"; readonly outcome: AssessOutcome }
  | { readonly kind: "cancelled" };

export interface PaneState {
  readonly overview: WorkbookOverview | null;
  readonly loading: boolean;
  /** How far the workbook's read has got while loading (null until the host reports). */
  readonly reading: PhaseProgress | null;
  /** A write (sample, template, rules sheet, overrides) is under way. */
  readonly busy: boolean;
  readonly run: RunState;
  readonly error: SessionError | null;
}

export const INITIAL_STATE: PaneState = {
  overview: null,
  loading: false,
  reading: null,
  busy: false,
  run: { kind: "idle" },
  error: null,
};

export type PaneAction =
  | { readonly type: "load" }
  | { readonly type: "reading"; readonly progress: PhaseProgress }
  | { readonly type: "loaded"; readonly overview: WorkbookOverview }
  | { readonly type: "busy"; readonly busy: boolean }
  | { readonly type: "progress"; readonly progress: PhaseProgress }
  | { readonly type: "done"; readonly outcome: AssessOutcome }
  | { readonly type: "cancelled" }
  | { readonly type: "failed"; readonly error: SessionError }
  | { readonly type: "dismiss" };

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "load":
      return { ...state, loading: true, reading: null, error: null };
    case "reading":
      return state.loading ? { ...state, reading: action.progress } : state;
    case "loaded":
      return { ...state, loading: false, reading: null, overview: action.overview };
    case "busy":
      return { ...state, busy: action.busy, ...(action.busy ? { error: null } : {}) };
    case "progress":
      return { ...state, error: null, run: { kind: "running", progress: action.progress } };
    case "done": {
      const { outcome } = action;
      // The run re-recognised and re-checked the workbook: show its findings everywhere.
      const overview = state.overview
        ? {
            ...state.overview,
            reports: outcome.reports,
            issues: outcome.issues,
            settings: outcome.settings,
          }
        : state.overview;
      return { ...state, overview, run: { kind: "done", outcome } };
    }
    case "cancelled":
      return { ...state, loading: false, reading: null, busy: false, run: { kind: "cancelled" } };
    case "failed":
      return {
        ...state,
        loading: false,
        reading: null,
        busy: false,
        error: action.error,
        run: state.run.kind === "running" ? { kind: "idle" } : state.run,
      };
    case "dismiss":
      return { ...state, error: null };
  }
}

/** Overall progress 0..1 over the five phases. */
export function overallProgress(progress: PhaseProgress): number {
  const index = PHASES.indexOf(progress.phase);
  return Math.min(1, (index + Math.max(0, Math.min(1, progress.fraction))) / PHASES.length);
}
