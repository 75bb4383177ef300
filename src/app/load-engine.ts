/**
 * Loads the core engine lazily (its own chunk), so the pane's first paint does not wait for it.
 */
import type * as CoreEngineModule from "./core-engine";
import type { Engine, LoadEngine } from "./engine";

let cached: Promise<Engine> | null = null;

export const loadCoreEngine: LoadEngine = () => {
  cached ??= importCoreEngine()
    .then((m) => m.createCoreEngine())
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
};

function importCoreEngine(): Promise<typeof CoreEngineModule> {
  // @ts-expect-error TS2835: the file is CommonJS to tsc, but webpack and Jest resolve the extensionless path.
  return import(/* webpackChunkName: "engine" */ "./core-engine");
}
