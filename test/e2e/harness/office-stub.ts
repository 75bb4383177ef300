/**
 * Installs `Office` and `Excel` globals backed by the Excel API emulator, for the task pane running in chromium.
 * Evaluated before src/taskpane/index.tsx (see taskpane-harness.ts), exactly where office.js would load.
 *
 * Query parameters: fixture (file served next to the page, default sample.xlsx), lang (Office's displayLanguage,
 * default zh-CN), api (highest ExcelApi version the emulated Excel supports, default the emulator's).
 */
import ExcelJS from "exceljs";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import type { HarnessHandle } from "./protocol";

/* global window, fetch, btoa */

const params = new URLSearchParams(window.location.search);
const fixture = params.get("fixture") ?? "sample.xlsx";
const displayLanguage = params.get("lang") ?? "zh-CN";
const apiVersion = params.get("api");

let emulator: ExcelEmulator | null = null;

const ready: Promise<ExcelEmulator> = (async () => {
  const response = await fetch(fixture);
  if (!response.ok) throw new Error(`harness: fixture ${fixture} answered ${response.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await response.arrayBuffer());
  emulator = new ExcelEmulator(wb, {
    fileName: fixture,
    ...(apiVersion ? { apiVersion } : {}),
  });
  return emulator;
})();

function loaded(): ExcelEmulator {
  if (!emulator) throw new Error("harness: Office API used before Office.onReady");
  return emulator;
}

const office = {
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    return ready.then(() => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return info;
    });
  },
  context: {
    displayLanguage,
    contentLanguage: displayLanguage,
    requirements: {
      isSetSupported: (name: string, version?: string) => loaded().isSetSupported(name, version),
    },
  },
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
};

const excel = {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    ready.then((e) => e.run(batch)),
};

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const handle: HarnessHandle = {
  ready: () => ready.then(() => undefined),
  stats: () => ({ ...loaded().stats }),
  resetStats: () => loaded().resetStats(),
  selection: () => loaded().lastSelection,
  active: () => loaded().lastActive,
  sheetNames: () => loaded().workbook.worksheets.map((ws) => ws.name),
  workbookBase64: async () => toBase64(await loaded().toBuffer()),
};

Object.assign(globalThis, { Office: office, Excel: excel });
(window as unknown as { __emulator: HarnessHandle }).__emulator = handle;
