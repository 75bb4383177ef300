import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { AssessOptions, AssessPeriod, WorkbookOverview } from "../../app/session-types";
import { timeProgress } from "../../core/assess/time-progress";
import type { Messages } from "../i18n";
import type { RunState } from "../pane-state";
import { calendarYear, parseDay, showDay } from "../dates";
import { ResultsView } from "../components/ResultsView";
import { RunProgress } from "../components/RunProgress";
import { percentText } from "../components/results-view-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  dates: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(132px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  date: { minWidth: 0, width: "100%" },
  echo: { display: "flex", flexDirection: "column", gap: "2px" },
  rules: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  rulesButton: { marginTop: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface AssessScreenProps {
  readonly overview: WorkbookOverview;
  readonly run: RunState;
  readonly messages: Messages;
  readonly busy: boolean;
  readonly today: string;
  readonly previewUnits?: number;
  readonly onAssess: (options: AssessOptions) => void;
  readonly onCancel: () => void;
  readonly onOpenRules: () => void;
  readonly onShowRanking: () => void;
}

/** The period a run will use when the boxes are left as they are: the saved one, the rules', else the year. */
export function effectivePeriod(overview: WorkbookOverview, asOf: string): AssessPeriod {
  if (overview.settings.period) return overview.settings.period;
  if (overview.rulesSheet && overview.rulesPeriod)
    return { start: overview.rulesPeriod.start, end: overview.rulesPeriod.end };
  return calendarYear(asOf);
}

/** Period and as-of date, rules, the run with its phases, and the results. */
export function AssessScreen(props: AssessScreenProps): React.JSX.Element {
  const { overview, run, messages, busy, today } = props;
  const styles = useStyles();
  const m = messages.assess;
  const form = usePeriodForm(overview, today);
  const running = run.kind === "running";
  const errors = overview.issues.filter((i) => i.severity === "error").length;
  const { valid, asOf, start, end } = form;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const options = form.options();
    if (options) props.onAssess(options);
  };

  return (
    <form className={styles.root} onSubmit={submit} aria-busy={running} noValidate>
      <PeriodFields form={form} messages={messages} disabled={running} />
      <PeriodEcho
        period={valid && asOf && start && end ? { start, end, asOf } : null}
        messages={messages}
      />

      <RulesSection
        overview={overview}
        messages={messages}
        disabled={busy || running}
        onOpenRules={props.onOpenRules}
      />

      {errors > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{m.blockedByErrors(errors)}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={running || busy || !valid}>
          {running ? m.running : m.start}
        </Button>
        {run.kind === "done" && run.outcome.rankingSheet && (
          <Button onClick={props.onShowRanking}>{m.showRanking}</Button>
        )}
      </div>

      {running && (
        <RunProgress progress={run.progress} messages={messages} onCancel={props.onCancel} />
      )}

      <RunOutcome run={run} messages={messages} previewUnits={props.previewUnits} />
    </form>
  );
}

type PeriodForm = ReturnType<typeof usePeriodForm>;

/** The three date boxes as typed, what they parse to, and the options a run would be given (null while invalid). */
function usePeriodForm(overview: WorkbookOverview, today: string) {
  const saved = overview.settings;
  const [asOfText, setAsOf] = React.useState(saved.asOf ?? overview.rulesPeriod?.asOf ?? today);
  // null: the box follows the effective period; text: what the user typed.
  const [startText, setStart] = React.useState<string | null>(null);
  const [endText, setEnd] = React.useState<string | null>(null);

  const asOf = parseDay(asOfText);
  const effective = effectivePeriod(overview, asOf ?? today);
  const start = startText === null ? effective.start : parseDay(startText);
  const end = endText === null ? effective.end : parseDay(endText);
  const ordered = start !== null && end !== null && start <= end;
  const valid = asOf !== null && ordered;
  const options = (): AssessOptions | null => {
    if (!valid || asOf === null || start === null || end === null) return null;
    // The period goes with the run only when typed or saved before; else the run takes the rules' or the year's.
    const typed = startText !== null || endText !== null || saved.period !== undefined;
    return typed ? { asOf, period: { start, end } } : { asOf };
  };
  return {
    asOfText,
    setAsOf,
    startText,
    setStart,
    endText,
    setEnd,
    effective,
    asOf,
    start,
    end,
    ordered,
    valid,
    options,
  };
}

/** 考核期起, 考核期止 and 截至日期, each with its problem shown under it. */
function PeriodFields({
  form,
  messages,
  disabled,
}: {
  readonly form: PeriodForm;
  readonly messages: Messages;
  readonly disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const m = messages.assess;
  const { startText, endText, asOfText, effective, start, end } = form;
  const invalid = (text: string | null) => text !== null && parseDay(text) === null;
  // Typed text becomes the ISO form on leaving the box, so what is shown is what will be used.
  const normalise = (text: string | null, set: (t: string) => void) => {
    const iso = text === null ? null : parseDay(text);
    if (iso) set(iso);
  };
  return (
    <div className={styles.dates}>
      <DateField
        label={m.periodStart}
        value={startText ?? effective.start}
        placeholder="2024-01-01"
        problem={invalid(startText) ? m.badDate : null}
        onChange={form.setStart}
        onBlur={() => normalise(startText, form.setStart)}
        disabled={disabled}
      />
      <DateField
        label={m.periodEnd}
        value={endText ?? effective.end}
        placeholder="2024-12-31"
        problem={
          invalid(endText) ? m.badDate : start && end && !form.ordered ? m.endBeforeStart : null
        }
        onChange={form.setEnd}
        onBlur={() => normalise(endText, form.setEnd)}
        disabled={disabled}
      />
      <DateField
        label={m.asOf}
        required
        value={asOfText}
        placeholder="2024-08-31"
        problem={form.asOf === null ? m.badDate : null}
        onChange={form.setAsOf}
        onBlur={() => normalise(asOfText, form.setAsOf)}
        disabled={disabled}
      />
    </div>
  );
}

/** Where the rules come from, what they say, and the button that opens (or creates) the 考核规则 sheet. */
function RulesSection(props: {
  readonly overview: WorkbookOverview;
  readonly messages: Messages;
  readonly disabled: boolean;
  readonly onOpenRules: () => void;
}): React.JSX.Element {
  const { overview, messages } = props;
  const styles = useStyles();
  const m = messages.assess;
  const rulesSummary =
    messages.locale === "en-US" && overview.rulesSummary_en
      ? overview.rulesSummary_en
      : overview.rulesSummary;
  return (
    <section aria-label={m.rulesTitle}>
      <Subtitle2 as="h2">{m.rulesTitle}</Subtitle2>
      <Text block>{overview.rulesSheet ? m.rulesFrom(overview.rulesSheet) : m.rulesDefault}</Text>
      {rulesSummary.length > 0 && (
        <ul className={styles.rules}>
          {rulesSummary.map((line) => (
            <li key={line}>
              <Caption1>{line}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <Button
        className={styles.rulesButton}
        size="small"
        onClick={props.onOpenRules}
        disabled={props.disabled}
      >
        {overview.rulesSheet ? m.openRules : m.createRules}
      </Button>
    </section>
  );
}

/** A date box: ISO or the ways people type dates (parseDay); `problem` is shown under it. */
function DateField(props: {
  readonly label: string;
  readonly value: string;
  readonly placeholder: string;
  readonly problem: string | null;
  readonly required?: boolean;
  readonly disabled: boolean;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <Field label={props.label} required={props.required ?? false} validationMessage={props.problem}>
      <Input
        className={styles.date}
        value={props.value}
        placeholder={props.placeholder}
        required={props.required ?? false}
        onChange={(_, d) => props.onChange(d.value)}
        onBlur={props.onBlur}
        disabled={props.disabled}
      />
    </Field>
  );
}

/** The period, as-of date and 序时进度 the run will use, once all three dates are valid. */
function PeriodEcho(props: {
  readonly period: { readonly start: string; readonly end: string; readonly asOf: string } | null;
  readonly messages: Messages;
}): React.JSX.Element {
  const styles = useStyles();
  const m = props.messages.assess;
  const locale = props.messages.locale;
  const p = props.period;
  return (
    <div className={styles.echo} data-testid="period-echo">
      {p && (
        <Text weight="semibold">
          {m.periodEcho(
            showDay(p.start, locale),
            showDay(p.end, locale),
            showDay(p.asOf, locale),
            percentText(timeProgress(p.start, p.end, p.asOf))
          )}
        </Text>
      )}
      <Caption1>{m.periodHint}</Caption1>
    </div>
  );
}

/** How the last run ended: done (with its results), cancelled, or nothing yet. */
function RunOutcome(props: {
  readonly run: RunState;
  readonly messages: Messages;
  readonly previewUnits: number | undefined;
}): React.JSX.Element {
  const { run, messages } = props;
  const m = messages.assess;
  return (
    <>
      <div role="status">
        {run.kind === "done" && (
          <Text>{m.done(run.outcome.results.units.length, run.outcome.issues.length)}</Text>
        )}
        {run.kind === "cancelled" && <Text>{m.cancelled}</Text>}
      </div>

      {run.kind === "done" && (
        <ResultsView
          results={run.outcome.results}
          messages={messages}
          {...(props.previewUnits === undefined ? {} : { limit: props.previewUnits })}
          {...(run.outcome.notice ? { notice: run.outcome.notice } : {})}
          {...(run.outcome.rateCap !== undefined ? { rateCap: run.outcome.rateCap } : {})}
        />
      )}
    </>
  );
}
