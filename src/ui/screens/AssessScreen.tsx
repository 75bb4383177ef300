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
import type { AssessOptions, WorkbookOverview } from "../../app/session-types";
import type { Messages } from "../i18n";
import type { RunState } from "../pane-state";
import { ResultsPreview } from "../components/ResultsPreview";
import { RunProgress } from "../components/RunProgress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  dates: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(132px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  // Date inputs have a wide intrinsic size; let the grid decide.
  date: { minWidth: 0, width: "100%" },
  rules: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // The rules button sat flush against the last summary line.
  rulesButton: { marginTop: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Reserved so the result line does not push the preview around.
  outcome: { minHeight: "40px" },
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

/** Period and as-of date, rules, the run with its phases, and a preview of the ranking. */
export function AssessScreen(props: AssessScreenProps): React.JSX.Element {
  const { overview, run, messages, busy, today } = props;
  const styles = useStyles();
  const m = messages.assess;
  const saved = overview.settings;
  const [asOf, setAsOf] = React.useState(saved.asOf ?? overview.rulesPeriod?.asOf ?? today);
  const [start, setStart] = React.useState(saved.period?.start ?? "");
  const [end, setEnd] = React.useState(saved.period?.end ?? "");
  const running = run.kind === "running";
  const errors = overview.issues.filter((i) => i.severity === "error").length;
  const rulesSummary =
    messages.locale === "en-US" && overview.rulesSummary_en
      ? overview.rulesSummary_en
      : overview.rulesSummary;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const options: AssessOptions = start && end ? { asOf, period: { start, end } } : { asOf };
    props.onAssess(options);
  };

  return (
    <form className={styles.root} onSubmit={submit} aria-busy={running}>
      <div className={styles.dates}>
        <Field label={m.periodStart}>
          <Input
            className={styles.date}
            type="date"
            value={start}
            max={end || undefined}
            onChange={(_, d) => setStart(d.value)}
            disabled={running}
          />
        </Field>
        <Field label={m.periodEnd}>
          <Input
            className={styles.date}
            type="date"
            value={end}
            min={start || undefined}
            onChange={(_, d) => setEnd(d.value)}
            disabled={running}
          />
        </Field>
        <Field label={m.asOf} required>
          <Input
            className={styles.date}
            type="date"
            value={asOf}
            required
            onChange={(_, d) => setAsOf(d.value)}
            disabled={running}
          />
        </Field>
      </div>
      <Caption1>{m.periodHint}</Caption1>

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
          disabled={busy || running}
        >
          {overview.rulesSheet ? m.openRules : m.createRules}
        </Button>
      </section>

      {errors > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{m.blockedByErrors(errors)}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={running || busy || !asOf}>
          {running ? m.running : m.start}
        </Button>
        {run.kind === "done" && run.outcome.rankingSheet && (
          <Button onClick={props.onShowRanking}>{m.showRanking}</Button>
        )}
      </div>

      <RunProgress
        progress={running ? run.progress : null}
        messages={messages}
        onCancel={props.onCancel}
      />

      <div className={styles.outcome} role="status">
        {run.kind === "done" && (
          <Text>{m.done(run.outcome.results.units.length, run.outcome.issues.length)}</Text>
        )}
        {run.kind === "cancelled" && <Text>{m.cancelled}</Text>}
      </div>

      {run.kind === "done" && (
        <ResultsPreview
          results={run.outcome.results}
          messages={messages}
          {...(props.previewUnits === undefined ? {} : { limit: props.previewUnits })}
        />
      )}
    </form>
  );
}
