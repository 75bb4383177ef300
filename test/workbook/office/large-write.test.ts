import ExcelJS from "exceljs";
import type { WritePlan } from "../../../src/core/plan";
import { DEFAULT_LIMITS, createOfficeHost } from "../../../src/workbook/office";
import { PAYLOAD_LIMIT } from "../../emulator/context";
import { ExcelEmulator } from "../../emulator/excel-emulator";

/**
 * Excel's 5 MB payload limit and the adapter's budget are both divided by SCALE, and so is the row count: the
 * plan needs as many batches as 60,000 rows need at full size, without writing 60,000 rows in a unit test.
 */
const SCALE = 20;
const ROWS = 60_000 / SCALE;
const EXCEL_LIMIT = PAYLOAD_LIMIT / SCALE;
const LIMITS = { maxPayloadBytes: DEFAULT_LIMITS.maxPayloadBytes / SCALE };

function bigPlan(): WritePlan {
  const values = [
    ["项目名称", "责任单位", "项目阶段", "投资额(万元)", "签约日期", "备注"],
    ...Array.from({ length: ROWS }, (_, i) => [
      `第${i + 1}号智能制造产业园建设项目（一期）`,
      `经济技术开发区管委会${i % 30}`,
      "签约",
      3000 + i,
      new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
      i % 5 === 0 ? "-重点" : null,
    ]),
  ];
  return {
    sheets: [
      {
        name: "汇总",
        kind: "merged",
        owned: true,
        values,
        styles: [
          { style: { bold: true, fill: "DDEBF7", border: "thin" }, ranges: ["A1:F1"] },
          { style: { numberFormat: "#,##0.00" }, ranges: [`D2:D${ROWS + 1}`] },
          {
            style: { fill: "F2F2F2" },
            ranges: Array.from({ length: ROWS / 2 }, (_, i) => `A${2 * i + 3}:F${2 * i + 3}`),
          },
        ],
        merges: [],
        columnWidths: [40, 24, 8, 12, 12, 10],
        rowHeights: {},
        freeze: { rows: 1, columns: 0 },
        hyperlinks: [],
        validations: [],
        dataBars: [],
        visibility: "visible",
      },
    ],
  };
}

describe("Office host applyPlan at scale", () => {
  it.each(["1.7", "1.9"])(
    "writes 60,000 rows of CJK text with every sync under 5 MB, at 1/20 scale (ExcelApi %s)",
    async (apiVersion) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1").addRow(["x"]);
      const emulator = new ExcelEmulator(wb, { apiVersion, payloadLimit: EXCEL_LIMIT });
      const host = createOfficeHost(emulator.run, emulator.isSetSupported, { limits: LIMITS });
      await host.applyPlan(bigPlan());
      expect(emulator.stats.refusedSyncs).toBe(0);
      expect(emulator.stats.maxSyncBytes).toBeLessThan(EXCEL_LIMIT);
      const ws = wb.getWorksheet("汇总");
      expect(ws?.getCell(`A${ROWS + 1}`).value).toBe(`第${ROWS}号智能制造产业园建设项目（一期）`);
      expect(ws?.getCell("F2").value).toBe("-重点");
      expect(ws?.getCell(`D${ROWS + 1}`).numFmt).toBe("#,##0.00");
      expect(ws?.getCell("E2").numFmt).toBe("yyyy-mm-dd");
      expect(ws?.getCell("A3").fill).toEqual(
        expect.objectContaining({ fgColor: { argb: "FFF2F2F2" } })
      );
      expect(host.stats.syncs).toBeLessThan(40);
    }
  );
});
