import * as React from "react";
import type { Issue } from "../core/issues";
import type { RecognitionOverrides } from "../core/model/recognition";
import type { AdoptedSuggestion, AssessOptions, PaneSession } from "../app/session-types";
import { INITIAL_STATE, paneReducer } from "./pane-state";
import type { PaneAction, PaneState } from "./pane-state";
import { isAbort, toSessionError } from "../app/session-error";

export interface ScorecardActions {
  refresh(): Promise<void>;
  assess(options: AssessOptions): Promise<void>;
  cancel(): void;
  selectIssue(issue: Issue): Promise<void>;
  /** 采用建议, then a fresh check; null when the write failed (the error bar says why). */
  adoptSuggestion(issue: Issue): Promise<AdoptedSuggestion | null>;
  insertSample(): Promise<void>;
  insertTemplate(): Promise<void>;
  openRules(): Promise<void>;
  showRanking(): Promise<void>;
  saveOverrides(overrides: RecognitionOverrides): Promise<void>;
  dismiss(): void;
}

/** Binds the pane state to a session; every session call is guarded so failures land in a MessageBar. */
export function useScorecard(session: PaneSession): [PaneState, ScorecardActions] {
  const [state, dispatch] = React.useReducer(paneReducer, INITIAL_STATE);
  const abort = React.useRef<AbortController | null>(null);
  const mounted = React.useRef(true);

  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // The run in flight when the pane goes, not one captured at mount: it is no DOM ref.
      abortRun(abort);
    };
  }, []);

  const actions = React.useMemo<ScorecardActions>(() => {
    const safeDispatch: typeof dispatch = (action) => {
      if (mounted.current) dispatch(action);
    };
    return {
      ...sessionActions({ session, dispatch: safeDispatch, abort }),
      dismiss: () => dispatch({ type: "dismiss" }),
    };
  }, [session]);

  return [state, actions];
}

interface ActionContext {
  readonly session: PaneSession;
  /** Dispatches only while the pane is mounted: a session call may settle after it is gone. */
  readonly dispatch: React.Dispatch<PaneAction>;
  /** The run in flight (a read or an assessment), which a newer one or 取消 aborts. */
  readonly abort: React.MutableRefObject<AbortController | null>;
}

/** Every action but dismiss, on the session. */
function sessionActions(ctx: ActionContext): Omit<ScorecardActions, "dismiss"> {
  const { session, dispatch } = ctx;
  const refresh = () => refreshOverview(ctx);

  /** A write to the workbook followed by a fresh recognition. */
  async function writeThenRefresh(run: () => Promise<void>): Promise<void> {
    dispatch({ type: "busy", busy: true });
    try {
      await run();
    } catch (error) {
      dispatch({ type: "failed", error: toSessionError(error, "write_failed") });
      return;
    }
    dispatch({ type: "busy", busy: false });
    await refresh();
  }

  async function guarded(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      dispatch({ type: "failed", error: toSessionError(error, "write_failed") });
    }
  }

  return {
    refresh,
    assess: (options) => runAssessment(ctx, options),
    cancel: () => abortRun(ctx.abort),
    selectIssue: (issue) => guarded(() => session.selectIssue(issue)),
    async adoptSuggestion(issue) {
      let adopted: AdoptedSuggestion | null = null;
      await writeThenRefresh(async () => {
        adopted = await session.adoptSuggestion(issue);
      });
      return adopted;
    },
    insertSample: () => writeThenRefresh(() => session.insertSample()),
    insertTemplate: () => writeThenRefresh(() => session.insertTemplate()),
    openRules: () => writeThenRefresh(() => session.openRules()),
    showRanking: () => guarded(() => session.showRanking()),
    saveOverrides: (overrides) => writeThenRefresh(() => session.saveOverrides(overrides)),
  };
}

function abortRun(abort: ActionContext["abort"]): void {
  abort.current?.abort();
}

/** A new run aborts the one in flight. */
function takeOver(abort: ActionContext["abort"]): AbortController {
  const controller = new AbortController();
  abortRun(abort);
  abort.current = controller;
  return controller;
}

/** Reads and recognises the workbook again. */
async function refreshOverview({ session, dispatch, abort }: ActionContext): Promise<void> {
  const controller = takeOver(abort);
  dispatch({ type: "load" });
  try {
    const overview = await session.recognise(controller.signal, (progress) =>
      dispatch({ type: "reading", progress })
    );
    dispatch({ type: "loaded", overview });
  } catch (error) {
    if (isAbort(error)) dispatch({ type: "cancelled" });
    else dispatch({ type: "failed", error: toSessionError(error, "engine_failed") });
  }
}

async function runAssessment(
  { session, dispatch, abort }: ActionContext,
  options: AssessOptions
): Promise<void> {
  const controller = takeOver(abort);
  dispatch({ type: "progress", progress: { phase: "read", fraction: 0 } });
  try {
    const outcome = await session.assess(
      options,
      (progress) => dispatch({ type: "progress", progress }),
      controller.signal
    );
    dispatch({ type: "done", outcome });
  } catch (error) {
    if (isAbort(error)) dispatch({ type: "cancelled" });
    else dispatch({ type: "failed", error: toSessionError(error, "engine_failed") });
  } finally {
    if (abort.current === controller) abort.current = null;
  }
}
