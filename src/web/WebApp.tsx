import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { App } from "../ui/App";
import type { PaneSession } from "../app/session-types";
import type { Messages } from "../ui/i18n";
import { CellPreview } from "./CellPreview";
import type { CellSelection, ExcelJsHost } from "../workbook/exceljs/exceljs-host";
import { createExcelJsHost } from "../workbook/exceljs/exceljs-host";
import { fileBytes } from "./file-bytes";
import { FileOpener } from "./FileOpener";
import type { WebMessages } from "./web-i18n";
import type { XlsxCodec } from "../workbook/exceljs/xlsx-codec";

const useStyles = makeStyles({
  // The screens pad themselves; the page adds no padding so a narrow window keeps its width for them.
  root: {
    maxWidth: "960px",
    margin: "0 auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  tools: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  // Reserved so the progress bar appearing does not move the page.
  progress: { minHeight: "44px" },
  intro: { padding: tokens.spacingHorizontalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
});

export interface WebAppProps {
  readonly messages: Messages;
  readonly web: WebMessages;
  readonly codec: XlsxCodec;
  readonly createSession: (host: ExcelJsHost) => PaneSession;
  readonly today: string;
  /** Saves bytes as a file (an <a download> in the browser). */
  readonly save: (bytes: ArrayBuffer, fileName: string) => void;
}

interface Opened {
  readonly host: ExcelJsHost;
  readonly session: PaneSession;
  readonly id: number;
}

/** The standalone page: open an .xlsx, then the task-pane screens over it, a cell preview and a download. */
export function WebApp({
  messages,
  web,
  codec,
  createSession,
  today,
  save,
}: WebAppProps): React.JSX.Element {
  const styles = useStyles();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [progress, setProgress] = React.useState<{ label: string; value: number } | null>(null);
  const [selection, setSelection] = React.useState<CellSelection | null>(null);
  const [changed, setChanged] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const nextId = React.useRef(0);

  const open = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(web.notXlsx(file.name));
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await fileBytes(file);
    } catch (e) {
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const label = web.opening(file.name);
    const tracked: XlsxCodec = {
      async read(buffer, source, onProgress, signal) {
        setProgress({ label, value: 0 });
        try {
          return await codec.read(
            buffer,
            source,
            (value) => {
              setProgress({ label, value });
              onProgress?.(value);
            },
            signal
          );
        } finally {
          setProgress(null);
        }
      },
      async apply(buffer, plan, onProgress, signal) {
        const out = await codec.apply(buffer, plan, onProgress, signal);
        setChanged(true);
        return out;
      },
    };
    const host = createExcelJsHost(bytes, file.name, tracked);
    host.onSelect(setSelection);
    setSelection(null);
    setChanged(false);
    nextId.current += 1;
    setOpened({ host, session: createSession(host), id: nextId.current });
  };

  const progressBar = (
    <div className={styles.progress} aria-live="polite">
      {progress && (
        <Field label={progress.label}>
          {progress.value > 0 ? <ProgressBar value={progress.value} max={1} /> : <ProgressBar />}
        </Field>
      )}
    </div>
  );

  const download = () => {
    if (!opened) return;
    const name = opened.host.fileName.replace(/\.xlsx$/i, "") + web.assessedSuffix + ".xlsx";
    save(opened.host.bytes(), name);
  };

  return (
    <div className={opened ? styles.root : `${styles.root} ${styles.intro}`}>
      {!opened && (
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <div>
            <Title3 as="h1">{messages.productName}</Title3>
            <Body1 block>{messages.tagline}</Body1>
          </div>
        </header>
      )}
      {!opened && <FileOpener web={web} onFile={(f) => void open(f)} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {opened && (
        <App
          key={opened.id}
          session={opened.session}
          messages={messages}
          today={today}
          logoSrc="assets/icon-32.png"
          previewUnits={Number.POSITIVE_INFINITY}
          banner={progressBar}
        >
          <div className={styles.tools}>
            <Button appearance="primary" disabled={!changed} onClick={download}>
              {web.download}
            </Button>
            <FileOpener web={web} compact onFile={(f) => void open(f)} />
          </div>
          <CellPreview
            grid={opened.host.lastGrid()}
            selection={selection}
            messages={messages}
            web={web}
          />
        </App>
      )}
    </div>
  );
}
