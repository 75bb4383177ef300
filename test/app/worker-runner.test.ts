import type { EngineRequest, EngineResponse } from "../../src/app/runners/engine-protocol";
import type { Phase } from "../../src/app/session-types";
import { workerRunner } from "../../src/app/runners/worker-runner";
import type { WorkerLike } from "../../src/app/runners/worker-runner";
import { FakeEngine } from "./fake-engine";

/** Runs the fake engine "in a worker": messages go through the same protocol as engine.worker.ts. */
class EngineWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(
    private readonly engine = new FakeEngine(),
    private readonly fail = false
  ) {}
  postMessage(request: EngineRequest): void {
    setTimeout(() => {
      const send = (data: EngineResponse) =>
        !this.terminated && this.onmessage?.({ data } as MessageEvent<EngineResponse>);
      if (this.fail)
        return send({
          kind: "error",
          error: { code: "engine_failed", message_zh: "坏", message_en: "Broken", sheet: "表" },
        });
      if (request.kind === "check")
        return send({ kind: "check", value: this.engine.check(request.grid, request.input) });
      const value = this.engine.assess(request.grid, request.input, (phase) =>
        send({ kind: "phase", phase })
      );
      send({ kind: "assess", value });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const GRID = { source: "x", sheets: [] };
const CHECK = { overrides: {}, now: "2026-11-23T00:00:00.000Z" };
const INPUT = { asOf: "2026-10-31", now: "2026-11-23T00:00:00.000Z", overrides: {} };

describe("workerRunner", () => {
  it("relays phases and the result, one worker per request", async () => {
    const spawned: EngineWorker[] = [];
    const runner = workerRunner(() => {
      const w = new EngineWorker();
      spawned.push(w);
      return w;
    });
    const phases: Phase[] = [];
    const result = await runner.assess(GRID, INPUT, (p) => phases.push(p));
    expect(phases).toEqual(["recognise", "validate", "compute"]);
    expect(result.results?.units).toHaveLength(3);
    expect((await runner.check(GRID, CHECK)).reports).toHaveLength(2);
    expect(spawned.map((w) => w.terminated)).toEqual([true, true]);
  });

  it("rebuilds the engine's error and cancels by terminating", async () => {
    await expect(
      workerRunner(() => new EngineWorker(undefined, true)).check(GRID, CHECK)
    ).rejects.toMatchObject({ code: "engine_failed", where: { sheet: "表" } });
    const worker = new EngineWorker();
    const controller = new AbortController();
    const run = workerRunner(() => worker).assess(GRID, INPUT, () => undefined, controller.signal);
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: "cancelled" });
    expect(worker.terminated).toBe(true);
  });
});
