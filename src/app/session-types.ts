/**
 * The application layer every shell drives: the task pane and the web page (through their screens), the
 * ribbon's 一键考核 and the CLI. One implementation (session.ts) runs over any WorkbookHost: Office.js inside
 * Excel, ExcelJS for files and the web page; tests use a fake.
 */
import type { Issue } from "../core/issues";
import type { AssessmentResults } from "../core/model/results";
import type { Recognition, RecognitionOverrides, SheetReport } from "../core/model/recognition";
import type { WritePlan } from "../core/plan";
import type { RulesOverride } from "../core/rules";
import type { AppliedPlan, ReadDetail } from "../workbook/host";
import type { EngineCheck } from "./engine";

/** 读取 → 识别 → 校验 → 计算 → 写入. */
export const PHASES = ["read", "recognise", "validate", "compute", "write"] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseProgress {
  readonly phase: Phase;
  /** Progress within the phase, 0..1. */
  readonly fraction: number;
  /** While reading: the sheet and the rows read so far, where the host reports them. */
  readonly detail?: ReadDetail;
}

export type { AssessPeriod, ScorecardSettings } from "../core/state";
import type { AssessPeriod, ScorecardSettings } from "../core/state";

export interface RulesPeriod extends AssessPeriod {
  readonly asOf: string;
}

/** The pane's view of a workbook: the engine's check (without the CLI's pairings) and what the workbook remembers. */
export interface WorkbookOverview extends Omit<EngineCheck, "pairings"> {
  readonly settings: ScorecardSettings;
  /** No sheet holds anything the engine can use: offer the sample and the template. */
  readonly empty: boolean;
  /**
   * The product's hidden state sheet, known by its signature and never by its name (a user's own sheet named
   * `_scorecard_state` is the user's); null when the workbook has none.
   */
  readonly stateSheet: string | null;
  /** The workbook's own indicators (key and name as its targets spell it), for column corrections. */
  readonly indicators?: readonly { readonly key: string; readonly name: string }[];
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

/** What a check or an evaluation uses besides the workbook (the CLI's flags). */
export interface RunOptions {
  /** YYYY-MM-DD; absent: the rules sheet's as-of date, else today. */
  readonly asOf?: string;
  /** Partial rules over the rules sheet (--rules). */
  readonly rules?: RulesOverride;
  /** Corrections over those saved in the workbook (--map, --role); a sheet or column named here wins. */
  readonly overrides?: RecognitionOverrides;
}

export interface CheckOutcome {
  readonly reports: readonly SheetReport[];
  readonly pairings?: NonNullable<Recognition["pairings"]>;
  readonly issues: readonly Issue[];
  /** The overrides the run used: the workbook's, with the run's own over them. */
  readonly overrides: RecognitionOverrides;
}

export interface Evaluation extends CheckOutcome {
  /** null when nothing could be assessed (no targets sheet); the issues say why. */
  readonly results: AssessmentResults | null;
  /** The output sheets with the settings row, ready for apply(). */
  readonly plan: WritePlan;
}

export interface AssessOutcome {
  readonly results: AssessmentResults;
  readonly issues: readonly Issue[];
  readonly reports: readonly SheetReport[];
  /** Name the ranking sheet landed under ("考核排名" or "考核排名 (2)"). */
  readonly rankingSheet: string | null;
  /** Settings saved with this run (what the ribbon's 一键考核 will repeat). */
  readonly settings: ScorecardSettings;
  /** Where each output sheet landed. */
  readonly applied: AppliedPlan;
  /** 通报稿's whole-area paragraph, ready to copy. */
  readonly notice?: string;
  /** Completion-rate cap of proportional scoring (1.2 = 120%), null under the threshold method or when none is set. */
  readonly rateCap?: number | null;
}

/** What 采用建议 wrote. */
export interface AdoptedSuggestion {
  readonly sheet: string;
  /** A1 addresses written, the issue's own cell first. */
  readonly cells: readonly string[];
  readonly text: string;
}

export interface ScorecardSession {
  /** Reads the workbook, recognises every sheet and checks it; `onProgress` hears the read. */
  recognise(
    signal?: AbortSignal,
    onProgress?: (p: PhaseProgress) => void
  ): Promise<WorkbookOverview>;
  /** Full run, writing the output sheets; `onProgress` is called at every phase change. */
  assess(
    options: AssessOptions,
    onProgress: (p: PhaseProgress) => void,
    signal?: AbortSignal
  ): Promise<AssessOutcome>;
  /** Recognition and every issue a run would report, writing nothing (`scorecard check`). */
  check(options: RunOptions, signal?: AbortSignal): Promise<CheckOutcome>;
  /** The whole assessment and its output plan, writing nothing (`scorecard assess` before --out). */
  evaluate(
    options: RunOptions,
    onProgress?: (p: PhaseProgress) => void,
    signal?: AbortSignal
  ): Promise<Evaluation>;
  /** Applies a plan (an evaluation's) to the workbook; says where each sheet landed. */
  apply(
    plan: WritePlan,
    onProgress?: (p: PhaseProgress) => void,
    signal?: AbortSignal
  ): Promise<AppliedPlan>;
  selectIssue(issue: Issue): Promise<void>;
  /** 采用建议: writes the issue's suggestion into its cell (and its column's cells with the same text). */
  adoptSuggestion(issue: Issue): Promise<AdoptedSuggestion>;
  insertSample(): Promise<void>;
  insertTemplate(): Promise<void>;
  /** Selects the 考核规则 sheet, creating it with the default rules when the workbook has none. */
  openRules(): Promise<void>;
  showRanking(): Promise<void>;
  saveOverrides(overrides: RecognitionOverrides): Promise<void>;
}

/** What the screens and the ribbon use: the workbook open in a pane, runs with the form's settings. */
export type PaneSession = Pick<
  ScorecardSession,
  | "recognise"
  | "assess"
  | "selectIssue"
  | "adoptSuggestion"
  | "insertSample"
  | "insertTemplate"
  | "openRules"
  | "showRanking"
  | "saveOverrides"
>;
