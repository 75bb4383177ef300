import { RULES_SHEET_NAME } from "../../src/core/rules";
import { createCoreEngine } from "../../src/app/core-engine";
import { inThreadRunner } from "../../src/app/runners/in-thread-runner";
import { previewRules } from "../../src/core/assess";
import { createSession } from "../../src/app/session";
import { defaultRules } from "../../src/core/rules";
import { MemoryHost } from "./memory-host";

const NOW = new Date("2026-11-23T08:00:00Z");

describe("core engine", () => {
  const engine = createCoreEngine();

  it("summarises the rules in a few lines", () => {
    const lines = previewRules(defaultRules("2026-10-31")).zh;
    expect(lines[0]).toBe("考核期：2026-01-01 至 2026-12-31，截至 2026-10-31");
    expect(lines[1]).toContain("按比例计分");
    expect(lines).toHaveLength(4);
  });

  it("plans the sample (with its campaign rules), the template and a default rules sheet", () => {
    expect(engine.planSample().sheets.map((s) => s.name)).toEqual([
      "目标分解表",
      "完成情况表",
      "项目台账",
      RULES_SHEET_NAME,
    ]);
    expect(engine.planTemplate("2026-11-23").sheets.map((s) => s.name)).toContain(RULES_SHEET_NAME);
    expect(engine.planDefaultRules("2026-10-31")).toMatchObject({
      activate: RULES_SHEET_NAME,
      sheets: [{ name: RULES_SHEET_NAME, kind: "rules" }],
    });
  });

  it("runs a session end to end on the inserted sample", async () => {
    const host = new MemoryHost({ source: "空白.xlsx", sheets: [] });
    const load = async () => engine;
    const session = createSession({
      host,
      loadEngine: load,
      runner: inThreadRunner(load),
      now: () => NOW,
    });
    expect((await session.recognise()).empty).toBe(true);
    await session.insertSample();
    const overview = await session.recognise();
    expect(overview.empty).toBe(false);
    expect(overview.rulesSheet).toBe(RULES_SHEET_NAME);
    expect(overview.reports.filter((r) => r.role !== "other").map((r) => [r.name, r.role])).toEqual(
      expect.arrayContaining([
        ["目标分解表", "targets"],
        ["完成情况表", "actuals"],
        ["项目台账", "ledger"],
      ])
    );
    expect(overview.settings.asOf).toBe("2008-01-31");
    expect(overview.fieldsByRole.ledger?.some((f) => f.key === "investment")).toBe(true);

    const phases: string[] = [];
    const outcome = await session.assess({ asOf: "2008-01-31" }, (p) => phases.push(p.phase));
    expect([...new Set(phases)]).toEqual(["read", "recognise", "validate", "compute", "write"]);
    expect(outcome.results.period).toMatchObject({
      start: "2007-07-01",
      end: "2008-03-31",
      asOf: "2008-01-31",
    });
    expect(outcome.results.units.length).toBeGreaterThan(5);
    expect(outcome.rankingSheet).toBe("考核排名");
    expect(host.grid.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["考核排名", "校验结果", "_scorecard_state"])
    );
  });
});
