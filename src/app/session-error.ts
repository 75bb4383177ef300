/** A failure the pane can explain: what went wrong, in both languages, and where when a cell is to blame. */
export type SessionErrorCode =
  | "engine_unavailable"
  | "read_failed"
  | "write_failed"
  | "engine_failed"
  | "no_ranking"
  | "cancelled";

export class SessionError extends Error {
  override readonly name = "SessionError";
  constructor(
    readonly code: SessionErrorCode,
    readonly message_zh: string,
    readonly message_en: string,
    readonly where: { readonly sheet?: string; readonly cell?: string } = {},
    cause?: unknown
  ) {
    super(message_en, cause === undefined ? undefined : { cause });
  }
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof SessionError && error.code === "cancelled") ||
    (error instanceof Error && error.name === "AbortError")
  );
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SessionError("cancelled", "已取消", "Cancelled");
}

/** Turns anything thrown by a host or the engine into a SessionError, keeping sheet/cell when the thrower named them. */
export function toSessionError(error: unknown, code: SessionErrorCode): SessionError {
  if (error instanceof SessionError) return error;
  if (isAbort(error)) return new SessionError("cancelled", "已取消", "Cancelled");
  const where = locate(error);
  // A host that explains its failure in both languages (HostError, OfficeHostError: cell-edit mode, a
  // concurrent run…).
  const zhText: unknown =
    typeof error === "object" && error ? Reflect.get(error, "message_zh") : null;
  const enText: unknown =
    typeof error === "object" && error ? Reflect.get(error, "message_en") : null;
  if (typeof zhText === "string" && typeof enText === "string")
    return new SessionError(code, zhText, enText, where, error);
  const text = error instanceof Error ? error.message : String(error);
  const zh =
    code === "read_failed"
      ? `读取工作簿失败：${text}`
      : code === "write_failed"
        ? `写入工作簿失败：${text}`
        : `考核引擎出错：${text}`;
  const en =
    code === "read_failed"
      ? `Could not read the workbook: ${text}`
      : code === "write_failed"
        ? `Could not write to the workbook: ${text}`
        : `The engine failed: ${text}`;
  return new SessionError(code, zh, en, where, error);
}

function locate(error: unknown): { sheet?: string; cell?: string } {
  if (typeof error !== "object" || error === null) return {};
  const where: { sheet?: string; cell?: string } = {};
  const sheet: unknown = Reflect.get(error, "sheet");
  const cell: unknown = Reflect.get(error, "cell");
  if (typeof sheet === "string") where.sheet = sheet;
  if (typeof cell === "string") where.cell = cell;
  return where;
}

export function engineUnavailable(what: string): SessionError {
  return new SessionError(
    "engine_unavailable",
    `考核引擎尚未包含“${what}”。`,
    `The engine does not include "${what}" yet.`
  );
}
