import * as React from "react";
import type { PaneSession } from "../app/session-types";
import type { Messages } from "../ui/i18n";
import type { CellSelection, ExcelJsHost } from "../workbook/exceljs/exceljs-host";
import { createExcelJsHost } from "../workbook/exceljs/exceljs-host";
import type { XlsxCodec } from "../workbook/exceljs/xlsx-codec";
import { fileBytes } from "./file-bytes";
import type { Reading } from "./FileBar";
import { trackedCodec } from "./tracked-codec";
import type { WebMessages } from "./web-i18n";

/** The workbook open in the page: its host, the session over it, and what the download and file bar show. */
export interface Opened {
  readonly host: ExcelJsHost;
  readonly session: PaneSession;
  readonly id: number;
  readonly size: number;
}

export interface WorkbookFileOptions {
  readonly codec: XlsxCodec;
  readonly messages: Messages;
  readonly web: WebMessages;
  readonly createSession: (host: ExcelJsHost) => PaneSession;
}

/**
 * The page's file: opening one (a picked or dropped .xlsx, or the bytes of a sample), reading it with progress,
 * cancelling that, and the selection and changes its host reports. A new file replaces the open one.
 */
export function useWorkbookFile({ codec, messages, web, createSession }: WorkbookFileOptions) {
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [reading, setReading] = React.useState<Reading | null>(null);
  const [selection, setSelection] = React.useState<CellSelection | null>(null);
  const [changed, setChanged] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const nextId = React.useRef(0);
  const readAbort = React.useRef<AbortController | null>(null);
  const openBytes = (bytes: ArrayBuffer, name: string) => {
    const controller = new AbortController();
    readAbort.current?.abort();
    readAbort.current = controller;
    const tracked = trackedCodec(codec, name, messages, controller.signal, {
      reading: setReading,
      changed: () => setChanged(true),
    });
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

  return {
    opened,
    reading,
    selection,
    setSelection,
    changed,
    error,
    openBytes,
    open,
    cancelOpening,
  };
}
