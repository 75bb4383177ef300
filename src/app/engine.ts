/**
 * The pure engine as the session uses it: grid in, reports/issues/results/WritePlan out. No host, no DOM,
 * so it runs the same in the pane's thread and in a Web Worker (engine.worker.ts).
 */
import type { WorkbookGrid } from "../core/grid";
import type { Issue } from "../core/issues";
import type { AssessmentResults } from "../core/model/results";
import type {
  Recognition,
  RecognitionOverrides,
  SheetReport,
  SheetRole,
} from "../core/model/recognition";
import type { WritePlan } from "../core/plan";
import type { ColumnDescription } from "../core/recognize/column-descriptions";
import type { RulesOverride } from "../core/rules";
import type { AssessPeriod, FieldChoice, Phase, RulesPeriod } from "./session-types";

export interface EngineCheck {
  readonly reports: readonly SheetReport[];
  /** Which actuals column answers which target indicator (the CLI JSON's `pairings`). */
  readonly pairings?: NonNullable<Recognition["pairings"]>;
  readonly issues: readonly Issue[];
  /** Name of the 考核规则 sheet, null when the defaults apply. */
  readonly rulesSheet: string | null;
  /** One line per rule, in Chinese as the engine writes it. */
  readonly rulesSummary: readonly string[];
  /** The same lines in English (indicator names stay as the workbook spells them). */
  readonly rulesSummary_en?: readonly string[];
  /** Period and as-of date the rules give (the 考核规则 sheet, else the defaults). */
  readonly rulesPeriod: RulesPeriod | null;
  /** Canonical fields a column can be mapped to, by role (for the column-override dropdowns). */
  readonly fieldsByRole: Readonly<Partial<Record<SheetRole, readonly FieldChoice[]>>>;
  /** Per sheet with a header block: every column with its header text and a sample value. */
  readonly columns?: Readonly<Record<string, readonly ColumnDescription[]>>;
}

/** What a run uses besides the workbook; check and assess take the same, so they agree. */
export interface EngineInput {
  readonly overrides: RecognitionOverrides;
  /** ISO timestamp of "now" (generation time, future-date checks). */
  readonly now: string;
  /** YYYY-MM-DD; absent: the rules sheet's, else today. */
  readonly asOf?: string;
  readonly period?: AssessPeriod;
  /** Partial rules over the rules sheet (the CLI's --rules). */
  readonly rules?: RulesOverride;
}

export type EngineCheckInput = EngineInput;
export type EngineAssessInput = EngineInput;

export interface EngineAssess {
  readonly reports: readonly SheetReport[];
  readonly pairings?: NonNullable<Recognition["pairings"]>;
  readonly issues: readonly Issue[];
  /** null when nothing could be assessed (no targets sheet); the issues say why. */
  readonly results: AssessmentResults | null;
  /** The output sheets (without results, the 校验结果 sheet alone). */
  readonly plan: WritePlan;
  /** 通报稿's whole-area paragraph, for the screens to offer for copying. */
  readonly notice?: string;
  /** Completion-rate cap of proportional scoring (1.2 = 120%), null under the threshold method or when none is set. */
  readonly rateCap?: number | null;
}

export interface Engine {
  check(grid: WorkbookGrid, input: EngineCheckInput): EngineCheck;
  assess(
    grid: WorkbookGrid,
    input: EngineAssessInput,
    onPhase: (phase: Phase) => void
  ): EngineAssess;
  /** Name of the workbook's 考核规则 sheet, null when it has none. */
  findRulesSheet(grid: WorkbookGrid): string | null;
  /** A 考核规则 sheet holding the default rules for the as-of date. */
  planDefaultRules(asOf: string): WritePlan;
  planSample(): WritePlan;
  /** The as-of date and campaign period the sample's figures belong to. */
  readonly sampleSettings: { readonly asOf: string; readonly period: AssessPeriod };
  /** The blank standard workbook, its rules sheet set for the as-of date. */
  planTemplate(asOf: string): WritePlan;
}

/** How the session reaches the engine: in-thread, or through a worker for large workbooks. */
export interface EngineRunner {
  check(grid: WorkbookGrid, input: EngineCheckInput, signal?: AbortSignal): Promise<EngineCheck>;
  assess(
    grid: WorkbookGrid,
    input: EngineAssessInput,
    onPhase: (phase: Phase) => void,
    signal?: AbortSignal
  ): Promise<EngineAssess>;
}

export type LoadEngine = () => Promise<Engine>;
