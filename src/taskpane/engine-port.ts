/**
 * The controller the screens talk to. One implementation (session.ts) runs over any WorkbookHost, so the
 * same screens work inside Excel (Office.js host) and on the web page (ExcelJS host); tests use a fake.
 */
import type { Issue } from "../core/issues";
import type { AssessmentResults } from "../core/model/results";
import type { RecognitionOverrides, SheetReport, SheetRole } from "../core/model/recognition";

/** 读取 → 识别 → 校验 → 计算 → 写入. */
export const PHASES = ["read", "recognise", "validate", "compute", "write"] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseProgress {
  readonly phase: Phase;
  /** Progress within the phase, 0..1. */
  readonly fraction: number;
}

export type { AssessPeriod, ScorecardSettings } from "../core/state";
import type { AssessPeriod, ScorecardSettings } from "../core/state";

export interface RulesPeriod extends AssessPeriod {
  readonly asOf: string;
}

export interface WorkbookOverview {
  readonly reports: readonly SheetReport[];
  readonly issues: readonly Issue[];
  readonly settings: ScorecardSettings;
  /** No sheet holds anything the engine can use: offer the sample and the template. */
  readonly empty: boolean;
  /** Name of the 考核规则 sheet, null when the defaults apply. */
  readonly rulesSheet: string | null;
  /** One line per rule (Chinese, as the engine writes it), empty until the engine can say. */
  readonly rulesSummary: readonly string[];
  /** The same lines in English, for the en-US pane; absent from older engines (then the Chinese lines show). */
  readonly rulesSummary_en?: readonly string[];
  /** What the rules say about the period, so the form can start from it; null until the engine can say. */
  readonly rulesPeriod: RulesPeriod | null;
  /** Canonical fields a column can be mapped to, by role (for the column-override dropdowns). */
  readonly fieldsByRole: Readonly<Partial<Record<SheetRole, readonly FieldChoice[]>>>;
}

export interface FieldChoice {
  readonly key: string;
  readonly label_zh: string;
  readonly label_en: string;
}

export interface AssessOptions {
  /** YYYY-MM-DD. */
  readonly asOf: string;
  readonly period?: AssessPeriod;
}

export interface AssessOutcome {
  readonly results: AssessmentResults;
  readonly issues: readonly Issue[];
  readonly reports: readonly SheetReport[];
  /** Name the ranking sheet landed under ("考核排名" or "考核排名 (2)"). */
  readonly rankingSheet: string | null;
  /** Settings saved with this run (what the ribbon's 一键考核 will repeat). */
  readonly settings: ScorecardSettings;
}

export interface ScorecardSession {
  /** Reads the workbook, recognises every sheet and checks it. */
  recognise(signal?: AbortSignal): Promise<WorkbookOverview>;
  /** Full run, writing the output sheets; `onProgress` is called at every phase change. */
  assess(
    options: AssessOptions,
    onProgress: (p: PhaseProgress) => void,
    signal?: AbortSignal
  ): Promise<AssessOutcome>;
  selectIssue(issue: Issue): Promise<void>;
  insertSample(): Promise<void>;
  insertTemplate(): Promise<void>;
  /** Selects the 考核规则 sheet, creating it with the default rules when the workbook has none. */
  openRules(): Promise<void>;
  showRanking(): Promise<void>;
  saveOverrides(overrides: RecognitionOverrides): Promise<void>;
}
