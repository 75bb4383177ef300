/**
 * Limits set before a workbook is read, so a hostile or broken file (a zip bomb, a billion-cell merge, a sheet
 * claiming row 2^31) is refused quickly with a clear message instead of exhausting memory or time. Sized for real
 * bureau workbooks: a 1,048,576-row ledger (Excel's maximum) of 19 columns fits, within about 2 GiB.
 */
import { limitError, type WorkbookLimitError } from "./read-errors";

export interface ReadLimits {
  /** Entries in the zip's central directory (a workbook of 500 sheets with charts has a few thousand). */
  readonly maxEntries: number;
  /** Sum of the uncompressed sizes of the parts that are read (sheets, shared strings, styles, workbook). */
  readonly maxUncompressedBytes: number;
  /** One part's uncompressed size over its compressed size, checked for parts over `ratioFloorBytes`. */
  readonly maxCompressionRatio: number;
  readonly ratioFloorBytes: number;
  /** xl/sharedStrings.xml and xl/styles.xml are parsed whole, so they get tighter bounds than the sheets. */
  readonly maxSharedStringsBytes: number;
  readonly maxStylesBytes: number;
  /** Longest run of text or single tag in the XML; a cell holds at most 32,767 characters. */
  readonly maxXmlTokenChars: number;
  /** Cells holding a value, per sheet and in the whole workbook. */
  readonly maxCellsPerSheet: number;
  readonly maxCellsPerWorkbook: number;
  /** Merged ranges per sheet (each is checked against the others for overlaps). */
  readonly maxMergesPerSheet: number;
  /** Files that the ExcelJS DOM reader may also read (it holds the whole workbook in memory, cells as objects). */
  readonly domMaxUncompressedBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxEntries: 20_000,
  maxUncompressedBytes: 2048 * MiB,
  maxCompressionRatio: 400,
  ratioFloorBytes: 16 * MiB,
  maxSharedStringsBytes: 512 * MiB,
  maxStylesBytes: 64 * MiB,
  maxXmlTokenChars: 16 * MiB,
  // Measured (SECURITY.md): 1,048,000 rows × 18 columns (about 18.9 million cells) assess within 1.6 GiB, and the
  // 60 million allowed before would pass the 4 GiB heap, where Node aborts with a native stack, not a message.
  maxCellsPerSheet: 20_000_000,
  maxCellsPerWorkbook: 20_000_000,
  maxMergesPerSheet: 200_000,
  domMaxUncompressedBytes: 64 * MiB,
};

export { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../../core/grid";

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

const count = (n: number): string => n.toLocaleString("en-US");

/** The errors each limit raises, worded once for every reader. */
export const limitErrors = {
  entries: (source: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      ["压缩包中的文件过多", "the zip holds too many entries"],
      count(limits.maxEntries)
    ),
  uncompressed: (source: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      [
        "解压后的数据过大（可能是压缩炸弹）",
        "the data is too large once decompressed (possibly a zip bomb)",
      ],
      formatBytes(limits.maxUncompressedBytes)
    ),
  ratio: (source: string, part: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      [
        `${part} 的压缩比异常（可能是压缩炸弹）`,
        `${part} is compressed implausibly well (possibly a zip bomb)`,
      ],
      `${limits.maxCompressionRatio}:1`
    ),
  partSize: (source: string, part: string, limit: number): WorkbookLimitError =>
    limitError(source, [`${part} 过大`, `${part} is too large`], formatBytes(limit)),
  sizeMismatch: (source: string, part: string): WorkbookLimitError =>
    limitError(
      source,
      [
        `${part} 解压后比声明的更大（文件损坏或被篡改）`,
        `${part} decompresses to more than it declares (damaged or tampered with)`,
      ],
      "the declared size"
    ),
  token: (source: string, part: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      [`${part} 中有过长的文本或标签`, `${part} holds an overlong text or tag`],
      `${count(limits.maxXmlTokenChars)} characters`
    ),
  cellsPerSheet: (source: string, sheet: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      [`工作表「${sheet}」的单元格过多`, `sheet "${sheet}" holds too many cells`],
      `${count(limits.maxCellsPerSheet)} cells`
    ),
  cellsPerWorkbook: (source: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      ["工作簿的单元格过多", "the workbook holds too many cells"],
      `${count(limits.maxCellsPerWorkbook)} cells`
    ),
  merges: (source: string, sheet: string, limits: ReadLimits): WorkbookLimitError =>
    limitError(
      source,
      [`工作表「${sheet}」的合并单元格过多`, `sheet "${sheet}" has too many merged ranges`],
      count(limits.maxMergesPerSheet)
    ),
};
