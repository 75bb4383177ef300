import { quickAssess } from "../../src/commands/quick-assess";
import { SessionError } from "../../src/app/session-error";
import { FakeSession } from "../ui/fake-session";
import { EMPTY_OVERVIEW, OVERVIEW } from "../ui/fixtures";

describe("一键考核", () => {
  it("runs with the saved as-of date and period and names the leader and the errors", async () => {
    const session = new FakeSession();
    session.overview = {
      ...OVERVIEW,
      settings: {
        overrides: {},
        asOf: "2026-09-30",
        period: { start: "2026-01-01", end: "2026-12-31" },
      },
    };
    const outcome = await quickAssess(session, "2026-11-23");
    expect(session.called("assess")).toEqual([
      [{ asOf: "2026-09-30", period: { start: "2026-01-01", end: "2026-12-31" } }],
    ]);
    expect(outcome).toEqual({
      ok: true,
      message_zh:
        "考核完成（截至 2026-09-30）：3 个单位已排名。第一名：高新区。有 1 个错误，详见“校验结果”表。",
      message_en:
        "Assessment done (as of 2026-09-30): 3 units ranked. First: 高新区. 1 error: see the check-result sheet.",
    });
  });

  it("uses today when nothing is saved, and says what to do on an empty workbook", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, settings: { overrides: {} } };
    await quickAssess(session, "2026-11-23");
    expect(session.called("assess")).toEqual([[{ asOf: "2026-11-23" }]]);
    session.overview = EMPTY_OVERVIEW;
    expect((await quickAssess(session, "2026-11-23")).ok).toBe(false);
  });

  it("reports a failure with its sheet and cell", async () => {
    const session = new FakeSession();
    session.assessError = new SessionError("write_failed", "写入失败", "Write failed", {
      sheet: "考核排名",
      cell: "A1",
    });
    expect(await quickAssess(session, "2026-11-23")).toEqual({
      ok: false,
      message_zh: "考核未完成：写入失败（考核排名!A1）",
      message_en: "Assessment not done: Write failed (考核排名!A1)",
    });
  });
});
