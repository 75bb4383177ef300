/// <reference lib="webworker" />
/** Runs the engine off the pane's thread for large workbooks; one request per worker. */
import "../../guard/polyfills";
import type { EngineRequest, EngineResponse } from "./engine-protocol";
import { loadCoreEngine } from "../load-engine";
import { toSessionError } from "../session-error";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse): void;
};

scope.onmessage = (event) => {
  void handle(event.data);
};

async function handle(request: EngineRequest): Promise<void> {
  try {
    const engine = await loadCoreEngine();
    if (request.kind === "check") {
      scope.postMessage({ kind: "check", value: engine.check(request.grid, request.input) });
    } else {
      const value = engine.assess(request.grid, request.input, (phase) =>
        scope.postMessage({ kind: "phase", phase })
      );
      scope.postMessage({ kind: "assess", value });
    }
  } catch (error) {
    const e = toSessionError(error, "engine_failed");
    scope.postMessage({
      kind: "error",
      error: { code: e.code, message_zh: e.message_zh, message_en: e.message_en, ...e.where },
    });
  }
}
