import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { WebMessages } from "./web-i18n";

export type StarterSource = (kind: "sample" | "template", today: string) => Promise<ArrayBuffer>;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FirstUseProps {
  readonly web: WebMessages;
  readonly today: string;
  readonly starter: StarterSource;
  readonly onSave: (bytes: ArrayBuffer, name: string) => void;
  readonly onOpen: (bytes: ArrayBuffer, name: string) => void;
}

/** First use: which sheets are needed, and the sample and the blank template to start from. */
export function FirstUse({
  web,
  today,
  starter,
  onSave,
  onOpen,
}: FirstUseProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [failed, setFailed] = React.useState<string | null>(null);
  const run = async (
    kind: "sample" | "template",
    then: (bytes: ArrayBuffer, name: string) => void
  ) => {
    setBusy(true);
    setFailed(null);
    try {
      then(await starter(kind, today), kind === "sample" ? web.sampleFile : web.templateFile);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.root} aria-labelledby="first-use-title">
      <Subtitle2 as="h2" id="first-use-title">
        {web.firstUseTitle}
      </Subtitle2>
      <Body1>{web.sheetsNeeded}</Body1>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void run("sample", onOpen)}>
          {web.openSample}
        </Button>
        <Button disabled={busy} onClick={() => void run("sample", onSave)}>
          {web.downloadSample}
        </Button>
        <Button disabled={busy} onClick={() => void run("template", onSave)}>
          {web.downloadTemplate}
        </Button>
      </div>
      {failed && <Caption1 role="alert">{failed}</Caption1>}
    </section>
  );
}
