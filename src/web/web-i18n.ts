/** Strings only the web page needs (the screens' strings are the task pane's). */
import type { Locale } from "../ui/i18n";

export interface WebMessages {
  readonly intro: string;
  readonly privacy: string;
  readonly open: string;
  readonly drop: string;
  readonly notXlsx: (name: string) => string;
  readonly opening: (name: string, size: string, seconds: number) => string;
  readonly cancelOpening: string;
  readonly openCancelled: (name: string) => string;
  readonly downloadHint: string;
  readonly sheetTitle: (sheet: string) => string;
  readonly closePreview: string;
  readonly readOnly: string;
  readonly previewRegion: string;
  readonly firstUseTitle: string;
  readonly sheetsNeeded: string;
  readonly openSample: string;
  readonly downloadSample: string;
  readonly downloadTemplate: string;
  readonly sampleFile: string;
  readonly templateFile: string;
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
    opening: (name, size, seconds) => `正在读取“${name}”（${size}），已用 ${seconds} 秒…`,
    cancelOpening: "取消",
    openCancelled: (name) => `已取消打开“${name}”。`,
    downloadHint: "先在“考核”页点“开始考核”，完成后即可下载。",
    sheetTitle: (sheet) => `工作表预览：${sheet}`,
    closePreview: "关闭预览",
    readOnly: "只读预览，下载后可在 Excel 或 WPS 中打开完整内容。",
    previewRegion: "工作表预览",
    firstUseTitle: "第一次使用？",
    sheetsNeeded:
      "工作簿需要一张目标分解表（各责任单位的目标），以及完成情况表或项目台账（完成数）；考核规则表可选，没有时用默认规则。",
    openSample: "打开示例工作簿",
    downloadSample: "下载示例工作簿",
    downloadTemplate: "下载空白模板",
    sampleFile: "招商考核示例.xlsx",
    templateFile: "招商考核空白模板.xlsx",
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
    opening: (name, size, seconds) => `Reading "${name}" (${size}), ${seconds} s so far…`,
    cancelOpening: "Cancel",
    openCancelled: (name) => `Cancelled opening "${name}".`,
    downloadHint: "Run the assessment on the Assess tab first; then it can be downloaded.",
    sheetTitle: (sheet) => `Sheet preview: ${sheet}`,
    closePreview: "Close preview",
    readOnly: "Read-only preview; download to open everything in Excel or WPS.",
    previewRegion: "Sheet preview",
    firstUseTitle: "First time here?",
    sheetsNeeded:
      "The workbook needs a targets sheet (each unit's targets) and an actuals sheet or a project ledger (what was achieved); a rules sheet is optional, the default rules apply without one.",
    openSample: "Open the sample workbook",
    downloadSample: "Download the sample workbook",
    downloadTemplate: "Download the blank template",
    sampleFile: "scorecard-sample.xlsx",
    templateFile: "scorecard-template.xlsx",
    download: "Download the assessed workbook",
    another: "Open another file",
    previewTitle: (where) => `Cell preview: ${where}`,
    previewUnavailable: "That cell is outside the data read.",
    assessedSuffix: " (assessed)",
  },
};
