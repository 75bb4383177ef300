import ExcelJS from "exceljs";
import { planOutputs } from "../../../src/core/report";
import {
  createOfficeHost,
  DEFAULT_LIMITS,
  planReads,
  planWrites,
  resolveTargets,
  type OfficeLimits,
} from "../../../src/workbook/office";
import { NOW, issue, results } from "../../core/report/builders";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import { PAYLOAD_LIMIT } from "../../emulator/context";

const LEDGER_COLUMNS = [
  "项目名称",
  "责任单位",
  "项目阶段",
  "签约日期",
  "投资额(万元)",
  "项目类型",
  "来源地",
  "备注",
];

function ledgerWorkbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("目标分解表");
  t.addRow(["序号", "责任单位", "签约项目"]);
  for (let i = 1; i <= 30; i++) t.addRow([i, `单位${i}`, 10 + i]);
  const l = wb.addWorksheet("项目台账");
  l.addRow(LEDGER_COLUMNS);
  for (let i = 1; i <= rows; i++) {
    l.addRow([
      `项目${i}号智能制造产业园`,
      `单位${(i % 30) + 1}`,
      "签约",
      45000 + (i % 300),
      3000 + i,
      "工业",
      "省外",
      i % 7 === 0 ? "重点" : null,
    ]);
  }
  return wb;
}

/** 2 syncs (sheets; used ranges + merged areas) + one per payload-sized read batch. */
function expectedReadSyncs(rows: number, limits: Partial<OfficeLimits> = {}): number {
  const infos = [
    { name: "目标分解表", hidden: false, used: { top: 0, left: 0, bottom: 30, right: 2 } },
    {
      name: "项目台账",
      hidden: false,
      used: { top: 0, left: 0, bottom: rows, right: LEDGER_COLUMNS.length - 1 },
    },
  ];
  return 2 + planReads(infos, { ...DEFAULT_LIMITS, ...limits }).length;
}

describe("Office host round trips", () => {
  // Excel's 5 MB limit and the adapter's budget divided by SCALE: 5,000 rows need the batches 100,000 rows need.
  const SCALE = 20;
  const limits = { maxPayloadBytes: DEFAULT_LIMITS.maxPayloadBytes / SCALE };
  it.each([1_000, 100_000])(
    "reads a %i-row ledger in 2 + payload batches syncs, every sync under 5 MB (at 1/20 scale)",
    async (fullRows) => {
      const rows = fullRows / SCALE;
      const emulator = new ExcelEmulator(ledgerWorkbook(rows), {
        payloadLimit: PAYLOAD_LIMIT / SCALE,
      });
      const host = createOfficeHost(emulator.run, emulator.isSetSupported, { limits });
      const grid = await host.readGrid();
      expect(grid.sheets[1]?.rows).toHaveLength(rows + 1);
      expect(host.stats.syncs).toBe(expectedReadSyncs(rows, limits));
      expect(emulator.stats.syncs).toBe(host.stats.syncs);
      expect(emulator.stats.maxSyncBytes).toBeLessThan(PAYLOAD_LIMIT / SCALE);
      // 1,000 rows fit one batch; 100,000 rows × 8 columns × 96 estimated bytes need ceil(76.8 MB / 4 MB) batches.
      expect(host.stats.syncs).toBe(
        fullRows === 1_000
          ? 3
          : 2 + Math.ceil(((fullRows + 1) * 8 * 96 + 31 * 3 * 96) / (4 * 1024 * 1024))
      );
    }
  );

  it("when Excel refuses a block as too large, reads it again in halves and gets the same grid", async () => {
    const wb = ledgerWorkbook(2_000);
    const ledger = wb.getWorksheet("项目台账");
    if (ledger) ledger.getColumn(8).hidden = true;
    const generous = createOfficeHost(new ExcelEmulator(wb).run, () => true);
    const emulator = new ExcelEmulator(wb, { payloadLimit: 100_000 });
    const tight = createOfficeHost(emulator.run, emulator.isSetSupported, {
      limits: { readBytesPerCell: 4 },
    });
    expect(await tight.readGrid()).toEqual(await generous.readGrid());
    expect(emulator.stats.refusedSyncs).toBeGreaterThan(0);
    expect((await tight.readGrid()).sheets[1]?.hiddenColumns).toEqual(new Set([7]));
    expect(emulator.stats.maxSyncBytes).toBeLessThanOrEqual(100_000);
  });

  it("writes in 3 syncs (lock and sheet list, used ranges, markers) + one per write batch, the swap and the layout", async () => {
    const wb = ledgerWorkbook(10);
    const emulator = new ExcelEmulator(wb);
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const plan = planOutputs({ results: results(), issues: [issue()] }, { now: NOW });
    const batches = planWrites(plan, DEFAULT_LIMITS, {
      targets: resolveTargets(
        wb.worksheets.map((ws, i) => ({ name: ws.name, position: i, id: null, ownedKind: null })),
        plan
      ),
      features: host.features,
    });
    await host.applyPlan(plan);
    expect(host.stats.syncs).toBe(3 + batches.length);
    expect(batches.length).toBe(3);
  });
});
