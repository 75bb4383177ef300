import { Button, Field, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { PHASES } from "../../app/session-types";
import type { PhaseProgress } from "../../app/session-types";
import type { Messages } from "../i18n";
import { overallProgress } from "../pane-state";
import { readingText } from "../reading-text";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  phases: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  past: { color: tokens.colorNeutralForeground3 },
  future: { color: tokens.colorNeutralForeground4 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

export interface RunProgressProps {
  readonly progress: PhaseProgress | null;
  readonly messages: Messages;
  readonly onCancel: () => void;
}

/** 读取 → 识别 → 校验 → 计算 → 写入, with a cancel button while running. */
export function RunProgress({ progress, messages, onCancel }: RunProgressProps): React.JSX.Element {
  const styles = useStyles();
  const current = progress ? PHASES.indexOf(progress.phase) : -1;
  return (
    <div className={styles.root} aria-live="polite">
      {progress && (
        <>
          <div className={styles.row}>
            <Field
              className={styles.bar}
              label={messages.assess.progressLabel}
              validationMessage={readingText(progress, messages) ?? messages.phases[progress.phase]}
              validationState="none"
            >
              <ProgressBar value={overallProgress(progress)} max={1} thickness="large" />
            </Field>
            <Button onClick={onCancel}>{messages.cancel}</Button>
          </div>
          <ol className={styles.phases} aria-label={messages.assess.progressLabel}>
            {PHASES.map((phase, i) => (
              <li
                key={phase}
                className={
                  i === current ? styles.current : i < current ? styles.past : styles.future
                }
                aria-current={i === current ? "step" : undefined}
              >
                <Text size={200}>
                  {i < current ? "✓ " : ""}
                  {messages.phases[phase]}
                </Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
