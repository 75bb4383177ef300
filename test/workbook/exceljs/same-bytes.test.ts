/**
 * The web page and the CLI write results through the same package writer: for the same input and plan, the
 * page's download and the CLI's output are the same bytes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assessWorkbook } from "../../../src/core/assess";
import { planOutputs } from "../../../src/core/report";
import { planSampleWorkbook } from "../../../src/core/samples";
import * as exceljsCodec from "../../../src/workbook/exceljs/exceljs-codec";
import { createExcelJsHost } from "../../../src/workbook/exceljs/exceljs-host";
import { createFileHost } from "../../../src/workbook/exceljs/file-host";
import { workbookBytes, workbookFromPlan } from "../../../src/workbook/exceljs/file-io";
import { createInThreadCodec } from "../../../src/workbook/exceljs/in-thread-codec";
import { workerCodec, type XlsxWorkerLike } from "../../../src/workbook/exceljs/worker-codec";

const NOW = new Date(Date.UTC(2008, 1, 3, 8));

describe("web page and CLI", () => {
  it("write the same bytes for the same workbook and plan, in-thread and through the worker protocol alike", async () => {
    const dir = mkdtempSync(join(tmpdir(), "same-bytes-"));
    const path = join(dir, "sample.xlsx");
    writeFileSync(path, await workbookBytes(workbookFromPlan(planSampleWorkbook())));
    const input = readFileSync(path);

    const cli = createFileHost(path);
    const plan = planOutputs(
      assessWorkbook(await cli.readGrid(), { asOf: "2008-01-31", now: NOW }),
      {
        now: NOW,
        source: "sample.xlsx",
      }
    );
    await cli.applyPlan(plan);
    const fromCli = await cli.bytes();

    const inThread = createInThreadCodec(async () => exceljsCodec);
    const page = createExcelJsHost(input.buffer.slice(0) as ArrayBuffer, "sample.xlsx", inThread);
    await page.readGrid();
    await page.applyPlan(plan);
    expect(Buffer.from(page.bytes()).equals(Buffer.from(fromCli))).toBe(true);

    // Large files go through the worker's message protocol (structured-clone-safe snapshot and plan).
    const echo = (): XlsxWorkerLike => {
      const worker: XlsxWorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
        postMessage(request) {
          const cloned = structuredClone(request);
          const reply =
            cloned.kind === "read"
              ? inThread
                  .read(cloned.buffer, cloned.source)
                  .then((grid) => ({ kind: "read" as const, grid }))
              : inThread
                  .apply(cloned.buffer, cloned.plan, cloned.snapshot)
                  .then((out) => ({ kind: "apply" as const, ...out }));
          void reply.then((data) => worker.onmessage?.({ data } as MessageEvent));
        },
      };
      return worker;
    };
    const viaWorker = createExcelJsHost(
      input.buffer.slice(0) as ArrayBuffer,
      "sample.xlsx",
      workerCodec(echo, inThread, 0)
    );
    await viaWorker.readGrid();
    await viaWorker.applyPlan(plan);
    expect(Buffer.from(viaWorker.bytes()).equals(Buffer.from(fromCli))).toBe(true);
  });
});
