/** Only the entry point imports this: `import.meta.url` is webpack's worker syntax and not valid CommonJS (jest). */
import type { XlsxWorkerLike } from "./worker-codec";

export function spawnXlsxWorker(): XlsxWorkerLike {
  // @ts-expect-error TS1470: webpack rewrites import.meta.url; tsc sees a CommonJS file.
  return new Worker(new URL("./xlsx.worker.ts", import.meta.url), {
    name: "scorecard-xlsx",
  }) as XlsxWorkerLike;
}
