import { workerCodec } from "../../../src/workbook/exceljs/worker-codec";
import type { XlsxWorkerLike } from "../../../src/workbook/exceljs/worker-codec";
import type { XlsxCodec } from "../../../src/workbook/exceljs/xlsx-codec";
import type { XlsxRequest, XlsxResponse } from "../../../src/workbook/exceljs/xlsx-protocol";
import { sheet } from "../../app/memory-host";

/** Answers like xlsx.worker.ts would, asynchronously. */
class FakeWorker implements XlsxWorkerLike {
  onmessage: ((event: MessageEvent<XlsxResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly answer: (r: XlsxRequest) => XlsxResponse[]) {}
  postMessage(message: XlsxRequest): void {
    setTimeout(() => {
      for (const response of this.answer(message))
        if (!this.terminated) this.onmessage?.({ data: response } as MessageEvent<XlsxResponse>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const fallback: XlsxCodec = {
  read: async (_b, source) => ({ source: `thread:${source}`, sheets: [] }),
  apply: async (b) => ({ buffer: b, applied: { sheets: [] } }),
  writeCells: async (b) => b,
};

describe("workerCodec", () => {
  it("keeps small files on the page's thread", async () => {
    const codec = workerCodec(
      () => {
        throw new Error("no worker expected");
      },
      fallback,
      10
    );
    expect((await codec.read(new ArrayBuffer(5), "a.xlsx")).source).toBe("thread:a.xlsx");
  });

  it("parses large files in the worker with progress, then terminates it", async () => {
    const workers: FakeWorker[] = [];
    const codec = workerCodec(
      () => {
        const w = new FakeWorker((r) => [
          { kind: "progress", fraction: 0.5 },
          {
            kind: "read",
            grid: { source: r.kind === "read" ? r.source : "", sheets: [sheet("表", [])] },
          },
        ]);
        workers.push(w);
        return w;
      },
      fallback,
      10
    );
    const progress: number[] = [];
    const grid = await codec.read(new ArrayBuffer(20), "big.xlsx", (f) => progress.push(f));
    expect(grid.source).toBe("big.xlsx");
    expect(progress).toEqual([0.5]);
    expect(workers[0]?.terminated).toBe(true);
  });

  it("passes the worker's error on with its sheet and cell", async () => {
    const codec = workerCodec(
      () =>
        new FakeWorker(() => [
          {
            kind: "error",
            error: {
              message_zh: "坏文件",
              message_en: "Bad file",
              sheet: "表",
              cell: "A1",
            },
          },
        ]),
      fallback,
      10
    );
    await expect(codec.read(new ArrayBuffer(20), "x.xlsx")).rejects.toMatchObject({
      name: "HostError",
      message_en: "Bad file",
      sheet: "表",
      cell: "A1",
    });
  });

  it("cancels by terminating the worker", async () => {
    const worker = new FakeWorker(() => []);
    const codec = workerCodec(() => worker, fallback, 10);
    const controller = new AbortController();
    const run = codec.apply(
      new ArrayBuffer(20),
      { sheets: [] },
      { stateRows: [], sheets: [] },
      undefined,
      controller.signal
    );
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(worker.terminated).toBe(true);
  });
});
