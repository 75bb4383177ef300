import * as React from "react";
import type { Issue } from "../core/issues";
import type { RecognitionOverrides } from "../core/model/recognition";
import type { AdoptedSuggestion, AssessOptions, PaneSession } from "../app/session-types";
import { INITIAL_STATE, paneReducer } from "./pane-state";
import type { PaneState } from "./pane-state";
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
      abort.current?.abort();
    };
  }, []);

  const actions = React.useMemo<ScorecardActions>(() => {
    const safeDispatch: typeof dispatch = (action) => {
      if (mounted.current) dispatch(action);
    };

    async function refresh(): Promise<void> {
      const controller = new AbortController();
      abort.current?.abort();
      abort.current = controller;
      safeDispatch({ type: "load" });
      try {
        const overview = await session.recognise(controller.signal, (progress) =>
          safeDispatch({ type: "reading", progress })
        );
        safeDispatch({ type: "loaded", overview });
      } catch (error) {
        if (isAbort(error)) safeDispatch({ type: "cancelled" });
        else safeDispatch({ type: "failed", error: toSessionError(error, "engine_failed") });
      }
    }

    /** A write to the workbook followed by a fresh recognition. */
    async function writeThenRefresh(run: () => Promise<void>): Promise<void> {
      safeDispatch({ type: "busy", busy: true });
      try {
        await run();
      } catch (error) {
        safeDispatch({ type: "failed", error: toSessionError(error, "write_failed") });
        return;
      }
      safeDispatch({ type: "busy", busy: false });
      await refresh();
    }

    async function guarded(run: () => Promise<void>): Promise<void> {
      try {
        await run();
      } catch (error) {
        safeDispatch({ type: "failed", error: toSessionError(error, "write_failed") });
      }
    }

    return {
      refresh,
      async assess(options) {
        const controller = new AbortController();
        abort.current?.abort();
        abort.current = controller;
        safeDispatch({ type: "progress", progress: { phase: "read", fraction: 0 } });
        try {
          const outcome = await session.assess(
            options,
            (progress) => safeDispatch({ type: "progress", progress }),
            controller.signal
          );
          safeDispatch({ type: "done", outcome });
        } catch (error) {
          if (isAbort(error)) safeDispatch({ type: "cancelled" });
          else safeDispatch({ type: "failed", error: toSessionError(error, "engine_failed") });
        } finally {
          if (abort.current === controller) abort.current = null;
        }
      },
      cancel() {
        abort.current?.abort();
      },
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
      dismiss: () => dispatch({ type: "dismiss" }),
    };
  }, [session]);

  return [state, actions];
}
