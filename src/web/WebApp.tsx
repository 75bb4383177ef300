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
import type { PaneSession } from "../app/session-types";
import type { Messages } from "../ui/i18n";
import { CellPreview } from "./CellPreview";
import type { CellSelection, ExcelJsHost } from "../workbook/exceljs/exceljs-host";
import { FileBar } from "./FileBar";
import { FileOpener } from "./FileOpener";
import { FirstUse, type StarterSource } from "./FirstUse";
import { type Opened, useWorkbookFile } from "./use-workbook-file";
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

/** The product's name and tagline above the file opener, before a workbook is open. */
function Masthead({ messages }: { readonly messages: Messages }): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <img className={styles.logo} src="assets/icon-32.png" alt="" />
      <div>
        <Title3 as="h1">{messages.productName}</Title3>
        <Body1 block>{messages.tagline}</Body1>
      </div>
    </header>
  );
}

/** A selection (an issue clicked, 查看排名表, 打开考核规则表) is shown where the user can see it. */
function useRevealed(
  selection: CellSelection | null,
  preview: React.RefObject<HTMLElement | null>
): void {
  React.useEffect(() => {
    if (!selection) return;
    const el = preview.current;
    el?.scrollIntoView?.({ block: "nearest" });
    el?.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
  }, [selection, preview]);
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
  const file = useWorkbookFile({ codec, messages, web, createSession });
  const { opened, error, open } = file;

  const dropFile = {
    onDragOver: (e: React.DragEvent) => e.preventDefault(),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      const dropped = e.dataTransfer.files[0];
      if (dropped) void open(dropped);
    },
  };

  return (
    <div className={opened ? styles.root : `${styles.root} ${styles.intro}`} {...dropFile}>
      {!opened && <Masthead messages={messages} />}
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
          onOpen={(bytes, name) => file.openBytes(bytes, name)}
        />
      )}
      {opened && (
        <OpenedWorkbook
          opened={opened}
          file={file}
          messages={messages}
          web={web}
          today={today}
          save={save}
        />
      )}
    </div>
  );
}

/** An open workbook: the task-pane screens under its file bar, and the sheet preview beside them. */
function OpenedWorkbook({
  opened,
  file,
  messages,
  web,
  today,
  save,
}: {
  readonly opened: Opened;
  readonly file: ReturnType<typeof useWorkbookFile>;
  readonly messages: Messages;
  readonly web: WebMessages;
  readonly today: string;
  readonly save: WebAppProps["save"];
}): React.JSX.Element {
  const styles = useStyles();
  const preview = React.useRef<HTMLElement>(null);
  useRevealed(file.selection, preview);

  const download = () => {
    const name = opened.host.fileName.replace(/\.xlsx$/i, "") + web.assessedSuffix + ".xlsx";
    save(opened.host.bytes(), name);
  };

  return (
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
            reading={file.reading}
            changed={file.changed}
            onDownload={download}
            onCancel={file.cancelOpening}
            onFile={(f) => void file.open(f)}
          />
        }
      />
      <aside className={styles.aside} ref={preview} aria-label={web.previewRegion}>
        <CellPreview
          grid={opened.host.lastGrid()}
          selection={file.selection}
          messages={messages}
          web={web}
          onClose={() => file.setSelection(null)}
        />
      </aside>
    </div>
  );
}
