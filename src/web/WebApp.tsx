import {
  Body1,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { App } from "../ui/App";
import { readingText } from "../ui/reading-text";
import type { PaneSession } from "../app/session-types";
import type { Messages } from "../ui/i18n";
import { CellPreview } from "./CellPreview";
import type { CellSelection, ExcelJsHost } from "../workbook/exceljs/exceljs-host";
import { createExcelJsHost } from "../workbook/exceljs/exceljs-host";
import { fileBytes } from "./file-bytes";
import { FileBar, type Reading } from "./FileBar";
import { FileOpener } from "./FileOpener";
import { FirstUse, type StarterSource } from "./FirstUse";
import type { WebMessages } from "./web-i18n";
import type { XlsxCodec } from "../workbook/exceljs/xlsx-codec";

const useStyles = makeStyles({
  root: {
    maxWidth: "1240px",
    margin: "0 auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  // Screens on the left, the read-only sheet preview beside them on a wide window; stacked when narrow.
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (min-width: 1000px)": { gridTemplateColumns: "minmax(0, 560px) minmax(0, 1fr)" },
  },
  aside: {
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalM,
    "@media (min-width: 1000px)": {
      position: "sticky",
      top: 0,
      paddingTop: tokens.spacingVerticalM,
      maxHeight: "100vh",
      overflowY: "auto",
      boxSizing: "border-box",
    },
  },
  intro: { padding: tokens.spacingHorizontalM, maxWidth: "720px" },
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
  /** Builds the sample or the blank template (lazily loaded in the browser). */
  readonly starter?: StarterSource;
}

interface Opened {
  readonly host: ExcelJsHost;
  readonly session: PaneSession;
  readonly id: number;
  readonly size: number;
}

/** The standalone page: open an .xlsx, then the task-pane screens over it, a sheet preview and a download. */
export function WebApp({
  messages,
  web,
  codec,
  createSession,
  today,
  save,
  starter,
}: WebAppProps): React.JSX.Element {
  const styles = useStyles();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [reading, setReading] = React.useState<Reading | null>(null);
  const [selection, setSelection] = React.useState<CellSelection | null>(null);
  const [changed, setChanged] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const nextId = React.useRef(0);
  const readAbort = React.useRef<AbortController | null>(null);
  const preview = React.useRef<HTMLElement>(null);

  // A selection (an issue clicked, 查看排名表, 打开考核规则表) is shown where the user can see it.
  React.useEffect(() => {
    if (!selection) return;
    const el = preview.current;
    el?.scrollIntoView?.({ block: "nearest" });
    el?.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
  }, [selection]);

  const openBytes = (bytes: ArrayBuffer, name: string) => {
    const controller = new AbortController();
    readAbort.current?.abort();
    readAbort.current = controller;
    const tracked: XlsxCodec = {
      async read(buffer, source, onProgress, signal) {
        const started = Date.now();
        setReading({ name, size: buffer.byteLength, fraction: 0, started });
        try {
          return await codec.read(
            buffer,
            source,
            (fraction, detail) => {
              const said = detail && readingText({ fraction, detail }, messages);
              setReading({
                name,
                size: buffer.byteLength,
                fraction,
                started,
                ...(said ? { detail: said } : {}),
              });
              onProgress?.(fraction, detail);
            },
            signal ? eitherSignal(signal, controller.signal) : controller.signal
          );
        } finally {
          setReading(null);
        }
      },
      async apply(buffer, plan, snapshot, onProgress, signal) {
        const out = await codec.apply(buffer, plan, snapshot, onProgress, signal);
        setChanged(true);
        return out;
      },
      async writeCells(buffer, sheet, cells, signal) {
        const out = await codec.writeCells(buffer, sheet, cells, signal);
        setChanged(true);
        return out;
      },
    };
    const host = createExcelJsHost(bytes, name, tracked);
    host.onSelect(setSelection);
    setSelection(null);
    setChanged(false);
    nextId.current += 1;
    setOpened({ host, session: createSession(host), id: nextId.current, size: bytes.byteLength });
  };

  const open = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(web.notXlsx(file.name));
      return;
    }
    try {
      openBytes(await fileBytes(file), file.name);
    } catch (e) {
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const cancelOpening = () => {
    readAbort.current?.abort();
    const name = reading?.name ?? opened?.host.fileName ?? "";
    setReading(null);
    setOpened(null);
    setError(web.openCancelled(name));
  };

  const download = () => {
    if (!opened) return;
    const name = opened.host.fileName.replace(/\.xlsx$/i, "") + web.assessedSuffix + ".xlsx";
    save(opened.host.bytes(), name);
  };

  const dropFile = {
    onDragOver: (e: React.DragEvent) => e.preventDefault(),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      const file = e.dataTransfer.files[0];
      if (file) void open(file);
    },
  };

  return (
    <div className={opened ? styles.root : `${styles.root} ${styles.intro}`} {...dropFile}>
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
        <MessageBar intent={/取消|cancel/i.test(error) ? "info" : "error"}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!opened && starter && (
        <FirstUse
          web={web}
          today={today}
          starter={starter}
          onSave={save}
          onOpen={(bytes, name) => openBytes(bytes, name)}
        />
      )}
      {opened && (
        <div className={styles.layout}>
          <App
            key={opened.id}
            session={opened.session}
            messages={messages}
            today={today}
            logoSrc="assets/icon-32.png"
            previewUnits={Number.POSITIVE_INFINITY}
            showReadDetail={false}
            banner={
              <FileBar
                web={web}
                name={opened.host.fileName}
                size={opened.size}
                reading={reading}
                changed={changed}
                onDownload={download}
                onCancel={cancelOpening}
                onFile={(f) => void open(f)}
              />
            }
          />
          <aside className={styles.aside} ref={preview} aria-label={web.previewRegion}>
            <CellPreview
              grid={opened.host.lastGrid()}
              selection={selection}
              messages={messages}
              web={web}
              onClose={() => setSelection(null)}
            />
          </aside>
        </div>
      )}
    </div>
  );
}

/** Aborts when either does (AbortSignal.any is missing from older WebViews and jsdom). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController();
  const abort = () => both.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return both.signal;
}
