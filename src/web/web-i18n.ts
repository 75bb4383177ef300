/** Strings only the web page needs (the screens' strings are the task pane's). */
import type { Locale } from "../ui/i18n";

export interface WebMessages {
  readonly intro: string;
  readonly privacy: string;
  readonly open: string;
  readonly drop: string;
  readonly notXlsx: (name: string) => string;
  readonly opening: (name: string) => string;
  readonly download: string;
  readonly another: string;
  readonly previewTitle: (where: string) => string;
  readonly previewUnavailable: string;
  readonly assessedSuffix: string;
}

export const WEB_MESSAGES: Readonly<Record<Locale, WebMessages>> = {
  "zh-CN": {
    intro:
      "不用 Excel 也能考核：打开或拖入一个 .xlsx 工作簿，查看识别结果、校验问题和排名，下载考核后的工作簿。",
    privacy: "所有计算都在本浏览器内完成，文件不会上传。",
    open: "打开工作簿…",
    drop: "或把 .xlsx 文件拖到这里",
    notXlsx: (name) => `“${name}”不是 .xlsx 工作簿。`,
    opening: (name) => `正在打开“${name}”…`,
    download: "下载考核后的工作簿",
    another: "换一个文件",
    previewTitle: (where) => `单元格预览：${where}`,
    previewUnavailable: "该单元格不在已读取的数据中。",
    assessedSuffix: "（已考核）",
  },
  "en-US": {
    intro:
      "Assess without Excel: open or drop an .xlsx workbook, see recognition, problems and the ranking, and download the assessed workbook.",
    privacy: "Everything runs in this browser; the file is never uploaded.",
    open: "Open a workbook…",
    drop: "or drop an .xlsx file here",
    notXlsx: (name) => `"${name}" is not an .xlsx workbook.`,
    opening: (name) => `Opening "${name}"…`,
    download: "Download the assessed workbook",
    another: "Open another file",
    previewTitle: (where) => `Cell preview: ${where}`,
    previewUnavailable: "That cell is outside the data read.",
    assessedSuffix: " (assessed)",
  },
};
