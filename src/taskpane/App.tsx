import { Body1, Subtitle2, Title3, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Messages } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, minWidth: "280px" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface AppProps {
  readonly messages: Messages;
}

export function App({ messages }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div>
          <Title3 as="h1">{messages.productName}</Title3>
          <Body1 block>{messages.tagline}</Body1>
        </div>
      </header>
      <Subtitle2 as="h2">{messages.introTitle}</Subtitle2>
      <ol className={styles.list}>
        <li>{messages.stepRecognise}</li>
        <li>{messages.stepCheck}</li>
        <li>{messages.stepCompute}</li>
        <li>{messages.stepWrite}</li>
      </ol>
    </main>
  );
}
