/**
 * Why a file cannot be read as a workbook, in words a bureau user can act on (zh / en), naming the file and never
 * quoting its content or an internal error. No node:fs here: the web page uses this file too.
 */

/** The workbook bytes are not an .xlsx the product can read; the message names the source. */
export class WorkbookReadError extends Error {
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = "WorkbookReadError";
  }
}

/** A limit set up front was reached (size, entries, cells, merges); the message names the file and the limit. */
export class WorkbookLimitError extends WorkbookReadError {
  constructor(source: string, message: string) {
    super(source, message);
    this.name = "WorkbookLimitError";
  }
}

/** Thrown in "exact" mode where the streaming reader cannot reproduce the DOM reader exactly. */
export class StreamFallback extends Error {
  constructor(why: string) {
    super(why);
    this.name = "StreamFallback";
  }
}

/** What a file turned out to be when it is not a readable .xlsx. */
export type UnreadableKind =
  | "encrypted"
  | "legacy-xls"
  | "ods"
  | "docx"
  | "pptx"
  | "no-workbook-part"
  | "not-zip"
  | "damaged-zip"
  | "damaged-content"
  | "empty";

const KIND_TEXT: Readonly<Record<UnreadableKind, readonly [zh: string, en: string]>> = {
  encrypted: [
    "文件受密码保护（已加密），请在 Excel 中取消密码后另存为 .xlsx",
    "the workbook is password-protected (encrypted); remove the password in Excel and save it as .xlsx",
  ],
  "legacy-xls": [
    "这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 或 WPS 中另存为 .xlsx",
    "this is a legacy Excel 97-2003 (.xls) file; save it as .xlsx in Excel or WPS",
  ],
  ods: [
    "这是 OpenDocument 表格 (.ods)，请另存为 Excel 工作簿 (.xlsx)",
    "this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)",
  ],
  docx: ["这是 Word 文档，不是 Excel 工作簿", "this is a Word document, not an Excel workbook"],
  pptx: [
    "这是 PowerPoint 演示文稿，不是 Excel 工作簿",
    "this is a PowerPoint presentation, not an Excel workbook",
  ],
  "no-workbook-part": [
    "压缩包中没有工作簿 (xl/workbook.xml)，不是 .xlsx 文件",
    "the zip holds no workbook (xl/workbook.xml); it is not an .xlsx file",
  ],
  "not-zip": ["不是有效的 .xlsx 文件", "not a valid .xlsx file"],
  "damaged-zip": [
    "文件已损坏或不完整（zip 结构无法读取）",
    "the file is damaged or incomplete (its zip structure cannot be read)",
  ],
  "damaged-content": [
    "工作簿内容已损坏，无法读取（可在 Excel 中打开并修复后另存）",
    "the workbook's content is damaged (open it in Excel, let it repair the file and save it again)",
  ],
  empty: ["文件是空的", "the file is empty"],
};

export function unreadableMessage(source: string, kind: UnreadableKind): string {
  const [zh, en] = KIND_TEXT[kind];
  return `无法读取 ${source}：${zh} / cannot read ${source}: ${en}`;
}

export function unreadableError(
  source: string,
  kind: UnreadableKind,
  cause?: unknown
): WorkbookReadError {
  return new WorkbookReadError(
    source,
    unreadableMessage(source, kind),
    cause === undefined ? undefined : { cause }
  );
}

/** A limit, stated with its value so a user knows what to split or trim. */
export function limitError(
  source: string,
  what: readonly [zh: string, en: string],
  limit: string
): WorkbookLimitError {
  return new WorkbookLimitError(
    source,
    `无法读取 ${source}：${what[0]}，超过上限 ${limit} / cannot read ${source}: ${what[1]}, over the limit of ${limit}`
  );
}
