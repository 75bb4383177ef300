/** A PaneSession whose every answer the test controls; records calls. */
import type { Issue } from "../../src/core/issues";
import type { RecognitionOverrides } from "../../src/core/model/recognition";
import type {
  AdoptedSuggestion,
  AssessOptions,
  AssessOutcome,
  PhaseProgress,
  PaneSession,
  WorkbookOverview,
} from "../../src/app/session-types";
import { SessionError } from "../../src/app/session-error";
import { OUTCOME, OVERVIEW } from "./fixtures";

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakeSession implements PaneSession {
  overview: WorkbookOverview = OVERVIEW;
  outcome: AssessOutcome = OUTCOME;
  recogniseError: unknown = null;
  assessError: unknown = null;
  /** When set, assess reports these phases then waits for `gate` (or the abort signal). */
  phases: readonly PhaseProgress[] = [];
  gate: Deferred<void> | null = null;
  readonly calls: { method: string; args: unknown[] }[] = [];

  /** Read progress recognise reports before answering (the rows-read line). */
  readProgress: readonly PhaseProgress[] = [];
  adoptError: unknown = null;

  async recognise(
    _signal?: AbortSignal,
    onProgress?: (p: PhaseProgress) => void
  ): Promise<WorkbookOverview> {
    this.calls.push({ method: "recognise", args: [] });
    for (const p of this.readProgress) onProgress?.(p);
    if (this.recogniseError) throw this.recogniseError;
    return this.overview;
  }

  async assess(
    options: AssessOptions,
    onProgress: (p: PhaseProgress) => void,
    signal?: AbortSignal
  ): Promise<AssessOutcome> {
    this.calls.push({ method: "assess", args: [options] });
    for (const p of this.phases) onProgress(p);
    if (this.gate) {
      const gate = this.gate.promise;
      await new Promise<void>((resolve, reject) => {
        signal?.addEventListener(
          "abort",
          () => reject(new SessionError("cancelled", "已取消", "Cancelled")),
          { once: true }
        );
        void gate.then(resolve, reject);
      });
    }
    if (this.assessError) throw this.assessError;
    return this.outcome;
  }

  async selectIssue(issue: Issue): Promise<void> {
    this.calls.push({ method: "selectIssue", args: [issue] });
  }
  async adoptSuggestion(issue: Issue): Promise<AdoptedSuggestion> {
    this.calls.push({ method: "adoptSuggestion", args: [issue] });
    if (this.adoptError) throw this.adoptError;
    return { sheet: issue.sheet, cells: [issue.cell], text: issue.suggestion ?? "" };
  }
  async insertSample(): Promise<void> {
    this.calls.push({ method: "insertSample", args: [] });
  }
  async insertTemplate(): Promise<void> {
    this.calls.push({ method: "insertTemplate", args: [] });
  }
  async openRules(): Promise<void> {
    this.calls.push({ method: "openRules", args: [] });
  }
  async showRanking(): Promise<void> {
    this.calls.push({ method: "showRanking", args: [] });
  }
  async saveOverrides(overrides: RecognitionOverrides): Promise<void> {
    this.calls.push({ method: "saveOverrides", args: [overrides] });
  }

  called(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}
