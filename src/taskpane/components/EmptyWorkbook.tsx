import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import * as React from "react";
import type { Messages } from "../i18n";

export interface EmptyWorkbookProps {
  readonly messages: Messages;
  readonly busy: boolean;
  readonly onSample: () => void;
  readonly onTemplate: () => void;
}

/** First run on a workbook without source sheets: offer the sample and the blank template. */
export function EmptyWorkbook({
  messages,
  busy,
  onSample,
  onTemplate,
}: EmptyWorkbookProps): React.JSX.Element {
  return (
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
  );
}
