/**
 * Reading `--rules rules.json`: a regular file of at most 1 MiB of UTF-8 JSON. Whatever the file really is (a
 * binary, /etc/shadow, a FIFO), the message names the path and, for bad JSON, the line and column, and never
 * quotes a byte of it.
 */
import { WorkbookFileError } from "../workbook/exceljs/file-io";
import { readSmallFile } from "../workbook/exceljs/read-input";
import { CliError } from "./exit";
import { jsonErrorOffset, positionOf } from "./json-error";

const MAX_RULES_BYTES = 1024 * 1024;

const fail = (path: string, zh: string, en: string): CliError =>
  new CliError(`无法读取规则文件 ${path}：${zh} / cannot read rules file ${path}: ${en}`);

/** The rules file's JSON value. Throws CliError (exit 2) with a message that quotes nothing from the file. */
export async function readRulesJson(path: string): Promise<unknown> {
  let bytes: Uint8Array | null;
  try {
    bytes = await readSmallFile(path, MAX_RULES_BYTES);
  } catch (err) {
    if (err instanceof WorkbookFileError)
      throw new CliError(
        err.message.replace(/^无法读取 \/ cannot read/, "无法读取规则文件 / cannot read rules file")
      );
    throw err;
  }
  if (bytes === null) throw fail(path, "文件超过 1 MiB", "the file is larger than 1 MiB");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fail(
      path,
      "不是 UTF-8 文本（是二进制文件吗？）",
      "not UTF-8 text (is it a binary file?)"
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const offset = jsonErrorOffset(text);
  if (offset >= 0) {
    const { line, column } = positionOf(text, offset);
    throw fail(
      path,
      `不是有效的 JSON（第 ${line} 行第 ${column} 列）`,
      `not valid JSON (line ${line}, column ${column})`
    );
  }
  return JSON.parse(text) as unknown;
}
