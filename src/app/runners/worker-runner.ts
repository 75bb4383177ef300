/** EngineRunner over engine.worker.ts: a fresh worker per request, terminated on completion or cancel. */
import type { EngineAssess, EngineCheck, EngineRunner } from "../engine";
import type { EngineRequest, EngineResponse } from "./engine-protocol";
import type { Phase } from "../session-types";
import { SessionError } from "../session-error";

export interface WorkerLike {
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: EngineRequest): void;
  terminate(): void;
}

export function workerRunner(spawn: () => WorkerLike): EngineRunner {
  function call<T>(
    request: EngineRequest,
    onPhase: (phase: Phase) => void,
    signal?: AbortSignal
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(new SessionError("cancelled", "已取消", "Cancelled"));
      const worker = spawn();
      const finish = () => {
        worker.terminate();
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        finish();
        reject(new SessionError("cancelled", "已取消", "Cancelled"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      worker.onerror = (event) => {
        finish();
        reject(
          new SessionError(
            "engine_failed",
            `后台计算出错：${event.message}`,
            `The background engine failed: ${event.message}`
          )
        );
      };
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.kind === "phase") return onPhase(message.phase);
        finish();
        if (message.kind === "error") {
          const { code, message_zh, message_en, sheet, cell } = message.error;
          reject(
            new SessionError(code, message_zh, message_en, {
              ...(sheet ? { sheet } : {}),
              ...(cell ? { cell } : {}),
            })
          );
        } else if (message.kind === request.kind) {
          resolve(message.value as T);
        }
      };
      worker.postMessage(request);
    });
  }
  return {
    check: (grid, input, signal) =>
      call<EngineCheck>({ kind: "check", grid, input }, () => undefined, signal),
    assess: (grid, input, onPhase, signal) =>
      call<EngineAssess>({ kind: "assess", grid, input }, onPhase, signal),
  };
}
