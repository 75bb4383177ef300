import {
  Button,
  Caption1,
  Field,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { fileSize } from "./file-size";
import { FileOpener } from "./FileOpener";
import type { WebMessages } from "./web-i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  reading: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: 0 },
});

/** A file being read: its size and how long it has taken so far. */
export interface Reading {
  readonly name: string;
  readonly size: number;
  /** 0..1 when the reader reports it. */
  readonly fraction: number;
  /** Date.now() when reading began. */
  readonly started: number;
  /** The sheet being read and the rows read so far, said under the bar. */
  readonly detail?: string;
}

export interface FileBarProps {
  readonly web: WebMessages;
  readonly name: string;
  readonly size: number;
  readonly reading: Reading | null;
  readonly changed: boolean;
  readonly onDownload: () => void;
  readonly onCancel: () => void;
  readonly onFile: (file: File) => void;
}

/** The open file (name, size), its download and another file, right above the screens; reading progress with 取消. */
export function FileBar(props: FileBarProps): React.JSX.Element {
  const { web, reading, changed } = props;
  const styles = useStyles();
  const hintId = React.useId();
  const seconds = useSecondsSince(reading?.started ?? null);
  return (
    <div className={styles.root} data-testid="file-bar">
      <div className={styles.row}>
        <Text weight="semibold" className={styles.name}>
          {props.name}
        </Text>
        <Caption1 className={styles.hint}>{fileSize(props.size)}</Caption1>
      </div>
      {reading ? (
        <div className={styles.root} aria-live="polite">
          <div className={styles.reading}>
            <Field
              className={styles.bar}
              label={web.opening(reading.name, fileSize(reading.size), seconds)}
            >
              {reading.fraction > 0 ? (
                <ProgressBar value={reading.fraction} max={1} />
              ) : (
                <ProgressBar />
              )}
            </Field>
            <Button onClick={props.onCancel}>{web.cancelOpening}</Button>
          </div>
          {reading.detail && (
            <Caption1 className={styles.hint} data-testid="rows-read">
              {reading.detail}
            </Caption1>
          )}
        </div>
      ) : (
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={!changed}
            onClick={props.onDownload}
            aria-describedby={changed ? undefined : hintId}
          >
            {web.download}
          </Button>
          <FileOpener web={web} compact onFile={props.onFile} />
          {!changed && (
            <Caption1 id={hintId} className={styles.hint}>
              {web.downloadHint}
            </Caption1>
          )}
        </div>
      )}
    </div>
  );
}

/** Whole seconds since `start`, ticking once a second while it is set. */
function useSecondsSince(start: number | null): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (start === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [start]);
  return start === null ? 0 : Math.max(0, Math.floor((now - start) / 1000));
}
