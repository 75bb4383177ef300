/// <reference lib="webworker" />
/** Parses and writes .xlsx bytes off the page's thread; one request per worker. */
import { toSessionError } from "../taskpane/session-error";
import { inThreadCodec } from "./in-thread-codec";
import type { XlsxRequest, XlsxResponse } from "./xlsx-protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<XlsxRequest>) => void) | null;
  postMessage(message: XlsxResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  void handle(event.data);
};

async function handle(request: XlsxRequest): Promise<void> {
  const progress = (fraction: number) => scope.postMessage({ kind: "progress", fraction });
  try {
    if (request.kind === "read") {
      scope.postMessage({
        kind: "read",
        grid: await inThreadCodec.read(request.buffer, request.source, progress),
      });
    } else {
      const { buffer, applied } = await inThreadCodec.apply(request.buffer, request.plan, progress);
      scope.postMessage({ kind: "apply", buffer, applied }, [buffer]);
    }
  } catch (error) {
    const e = toSessionError(error, request.kind === "read" ? "read_failed" : "write_failed");
    scope.postMessage({
      kind: "error",
      error: { code: e.code, message_zh: e.message_zh, message_en: e.message_en, ...e.where },
    });
  }
}
