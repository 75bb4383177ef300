/** Only entry points import this: `import.meta.url` is webpack's worker syntax and not valid CommonJS (jest). */
import type { WorkerLike } from "./worker-runner";

export function spawnEngineWorker(): WorkerLike {
  // @ts-expect-error TS1470: webpack rewrites import.meta.url; tsc sees a CommonJS file.
  return new Worker(new URL("./engine.worker.ts", import.meta.url), {
    name: "scorecard-engine",
  }) as WorkerLike;
}
