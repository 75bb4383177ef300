/// <reference lib="webworker" />
/** Parses and writes .xlsx bytes off the page's thread; one request per worker. */
import { HostError, type ReadDetail } from "../host";
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
  const progress = (fraction: number, detail?: ReadDetail) =>
    scope.postMessage({ kind: "progress", fraction, ...(detail ? { detail } : {}) });
  try {
    if (request.kind === "read") {
      scope.postMessage({
        kind: "read",
        grid: await inThreadCodec.read(request.buffer, request.source, progress),
      });
    } else {
      const { buffer, applied } = await inThreadCodec.apply(
        request.buffer,
        request.plan,
        request.snapshot,
        progress
      );
      scope.postMessage({ kind: "apply", buffer, applied }, [buffer]);
    }
  } catch (error) {
    const e =
      error instanceof HostError
        ? error
        : new HostError(
            `处理文件出错：${error instanceof Error ? error.message : String(error)}`,
            `Could not process the file: ${error instanceof Error ? error.message : String(error)}`
          );
    scope.postMessage({
      kind: "error",
      error: {
        message_zh: e.message_zh,
        message_en: e.message_en,
        ...(e.sheet === undefined ? {} : { sheet: e.sheet }),
        ...(e.cell === undefined ? {} : { cell: e.cell }),
      },
    });
  }
}
