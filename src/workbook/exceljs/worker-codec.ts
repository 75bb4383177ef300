/** XlsxCodec that parses and writes large files in xlsx.worker.ts, small ones on the page's thread. */
import { cancelled, HostError } from "../host";
import { inThreadCodec } from "./in-thread-codec";
import type { CodecProgress, XlsxCodec } from "./xlsx-codec";
import type { XlsxRequest, XlsxResponse } from "./xlsx-protocol";

export interface XlsxWorkerLike {
  onmessage: ((event: MessageEvent<XlsxResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: XlsxRequest): void;
  terminate(): void;
}

/** Bytes above which the worker is used (≈ 20k cells of a typical ledger). */
export const WORKER_BYTES = 512 * 1024;

export function workerCodec(
  spawn: () => XlsxWorkerLike,
  fallback: XlsxCodec = inThreadCodec,
  threshold = WORKER_BYTES
): XlsxCodec {
  function call<T>(
    request: XlsxRequest,
    pick: (r: XlsxResponse) => T | undefined,
    onProgress?: CodecProgress,
    signal?: AbortSignal
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled());
      const worker = spawn();
      const finish = () => {
        worker.terminate();
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        finish();
        reject(cancelled());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      worker.onerror = (event) => {
        finish();
        reject(
          new HostError(
            `处理文件出错：${event.message}`,
            `Could not process the file: ${event.message}`
          )
        );
      };
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.kind === "progress") return onProgress?.(message.fraction, message.detail);
        finish();
        if (message.kind === "error") {
          const { message_zh, message_en, sheet, cell } = message.error;
          return reject(
            new HostError(message_zh, message_en, {
              ...(sheet ? { sheet } : {}),
              ...(cell ? { cell } : {}),
            })
          );
        }
        const value = pick(message);
        if (value !== undefined) resolve(value);
      };
      // A copy goes to the worker: the host keeps its bytes for download.
      worker.postMessage(request);
    });
  }
  return {
    read(buffer, source, onProgress, signal) {
      if (buffer.byteLength < threshold) return fallback.read(buffer, source, onProgress, signal);
      return call(
        { kind: "read", buffer, source },
        (r) => (r.kind === "read" ? r.grid : undefined),
        onProgress,
        signal
      );
    },
    // A few cells: the package is edited in place, not parsed, so the page's thread does it at any size.
    writeCells: (buffer, sheet, cells, signal) => fallback.writeCells(buffer, sheet, cells, signal),
    apply(buffer, plan, snapshot, onProgress, signal) {
      if (buffer.byteLength < threshold)
        return fallback.apply(buffer, plan, snapshot, onProgress, signal);
      return call(
        { kind: "apply", buffer, plan, snapshot },
        (r) => (r.kind === "apply" ? { buffer: r.buffer, applied: r.applied } : undefined),
        onProgress,
        signal
      );
    },
  };
}
