import { toSessionError } from "../../src/app/session-error";
import { OfficeHostError } from "../../src/workbook/office";

describe("toSessionError", () => {
  it("keeps a host's own zh/en explanation and where it happened", () => {
    const err = new OfficeHostError(
      "busy",
      "另一次考核正在写入",
      "Another run is writing",
      "考核排名",
      "A1"
    );
    expect(toSessionError(err, "write_failed")).toMatchObject({
      code: "write_failed",
      message_zh: "另一次考核正在写入",
      message_en: "Another run is writing",
      where: { sheet: "考核排名", cell: "A1" },
    });
  });

  it("wraps anything else with what failed", () => {
    expect(toSessionError(new Error("boom"), "read_failed")).toMatchObject({
      message_zh: "读取工作簿失败：boom",
      message_en: "Could not read the workbook: boom",
    });
  });
});
