import type { EngineRunner, LoadEngine } from "../engine";
import { throwIfAborted } from "../session-error";

/** Runs the engine on the calling thread (small workbooks, tests, jsdom). */
export function inThreadRunner(load: LoadEngine): EngineRunner {
  return {
    async check(grid, input, signal) {
      const engine = await load();
      throwIfAborted(signal);
      return engine.check(grid, input);
    },
    async assess(grid, input, onPhase, signal) {
      const engine = await load();
      throwIfAborted(signal);
      return engine.assess(grid, input, (phase) => {
        throwIfAborted(signal);
        onPhase(phase);
      });
    },
  };
}
