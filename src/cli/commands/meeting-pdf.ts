/**
 * `scorecard assess --pdf`: the meeting pack (考核排名, 通报稿, 图表) as one PDF, printed by LibreOffice from the
 * assessed workbook with every other sheet hidden, so the pages are exactly the sheets' own print layout.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { copyFile, lstat, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHART_SHEET_NAME, NOTICE_SHEET_NAME, RANKING_SHEET_NAME } from "../../core/report";
import { landedName, type AppliedPlan } from "../../workbook/host";
import { packageShowingOnly } from "../../workbook/xlsx-package";
import { CliError, EXIT } from "../exit";

/** The sheets of the pack, in print order. */
export const MEETING_SHEETS = [RANKING_SHEET_NAME, NOTICE_SHEET_NAME, CHART_SHEET_NAME] as const;
/** LibreOffice converting a few pages takes seconds; a minute means it hangs (a dialog, a locked profile). */
const CONVERT_TIMEOUT_MS = 120_000;

const INSTALL_PLACES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** LibreOffice's soffice: $SCORECARD_SOFFICE, then the PATH, then the usual install places; null when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env["SCORECARD_SOFFICE"];
  if (named !== undefined) return named !== "" && executable(named) ? named : null;
  const names =
    process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env["PATH"] ?? "").split(delimiter))
    for (const name of names) if (dir && executable(join(dir, name))) return join(dir, name);
  return INSTALL_PLACES.find(executable) ?? null;
}

export const SOFFICE_MISSING =
  "未找到 LibreOffice（soffice），无法生成 PDF 会议材料；请安装 LibreOffice（或用环境变量 SCORECARD_SOFFICE 指明其位置），" +
  "或在 Excel 中打印“考核排名”“通报稿”“图表”三张表 / LibreOffice (soffice) was not found, so the PDF meeting pack " +
  "cannot be made: install LibreOffice (or point SCORECARD_SOFFICE at it), or print the 考核排名, 通报稿 and 图表 " +
  "sheets from Excel";

/** Where the PDF goes: beside the written workbook (or the input), same name, .pdf. */
export function pdfPathFor(workbookPath: string): string {
  const ext = extname(workbookPath);
  return `${ext ? workbookPath.slice(0, -ext.length) : workbookPath}.pdf`;
}

/** A PDF already there is replaced only with --force (nothing marks a PDF as ours). */
export async function checkPdfTarget(path: string, force: boolean): Promise<void> {
  const there = await lstat(path).then(
    () => true,
    () => false
  );
  if (there && !force)
    throw new CliError(
      `PDF 文件已存在，未覆盖；确需覆盖请加 --force / ${path} exists and was not replaced; add --force to replace it`,
      EXIT.usage
    );
}

function convert(soffice: string, dir: string, file: string, signal?: AbortSignal): Promise<void> {
  // A profile of its own: a LibreOffice the user has open (or a parallel run) would otherwise take the job.
  const profile = pathToFileURL(join(dir, "profile")).href;
  const args = [
    `-env:UserInstallation=${profile}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "pdf",
    "--outdir",
    dir,
    file,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      soffice,
      args,
      { timeout: CONVERT_TIMEOUT_MS, windowsHide: true, ...(signal ? { signal } : {}) },
      (err) => (err ? reject(err) : resolve())
    );
  });
}

/**
 * Prints the pack of `bytes` (an assessed workbook; `applied` says where its sheets landed) to `pdfPath`.
 * Throws CliError when LibreOffice fails or writes nothing.
 */
export async function writeMeetingPdf(
  bytes: Uint8Array,
  applied: AppliedPlan,
  pdfPath: string,
  soffice: string,
  signal?: AbortSignal
): Promise<string> {
  const keep = MEETING_SHEETS.map((name) => landedName(applied, name));
  const dir = await mkdtemp(join(tmpdir(), "scorecard-pdf-"));
  try {
    const pack = join(dir, "meeting.xlsx");
    await writeFile(pack, packageShowingOnly(bytes, keep));
    await convert(soffice, dir, pack, signal).catch((err: unknown) => {
      signal?.throwIfAborted();
      throw new CliError(
        `LibreOffice 未能生成 PDF / LibreOffice could not make the PDF: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
        EXIT.usage
      );
    });
    if (!(await readdir(dir)).includes("meeting.pdf"))
      throw new CliError("LibreOffice 没有写出 PDF / LibreOffice wrote no PDF", EXIT.usage);
    await copyFile(join(dir, "meeting.pdf"), pdfPath);
    return pdfPath;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
