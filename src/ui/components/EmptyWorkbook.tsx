import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Messages } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface EmptyWorkbookProps {
  readonly messages: Messages;
  readonly busy: boolean;
  readonly onSample: () => void;
  readonly onTemplate: () => void;
}

/** First run on a workbook without source sheets: what the product does, and the sample or the blank template. */
export function EmptyWorkbook({
  messages,
  busy,
  onSample,
  onTemplate,
}: EmptyWorkbookProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={messages.empty.title}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{messages.empty.title}</MessageBarTitle>
          {messages.empty.body}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" size="small" disabled={busy} onClick={onSample}>
            {messages.empty.sample}
          </Button>
          <Button size="small" disabled={busy} onClick={onTemplate}>
            {messages.empty.template}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <Subtitle2 as="h2">{messages.introTitle}</Subtitle2>
      <ol className={styles.steps}>
        <li>{messages.stepRecognise}</li>
        <li>{messages.stepCheck}</li>
        <li>{messages.stepCompute}</li>
        <li>{messages.stepWrite}</li>
      </ol>
    </section>
  );
}
