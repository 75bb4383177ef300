import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import * as React from "react";
import type { Messages } from "../i18n";
import type { SessionError } from "../../app/session-error";

export interface ErrorBarProps {
  readonly error: SessionError;
  readonly messages: Messages;
  readonly onDismiss: () => void;
}

/** A failure, naming the sheet and cell when known. */
export function ErrorBar({ error, messages, onDismiss }: ErrorBarProps): React.JSX.Element {
  const text = messages.locale === "en-US" ? error.message_en : error.message_zh;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{messages.errorTitle}</MessageBarTitle>
        {text}
        {messages.where(error.where.sheet, error.where.cell)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {messages.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
