import { STATE_SHEET_NAME } from "../../src/core/plan";
import type { PhaseProgress } from "../../src/app/session-types";
import { inThreadRunner } from "../../src/app/runners/in-thread-runner";
import { createSession, withSettings } from "../../src/app/session";
import { SessionError } from "../../src/app/session-error";
import { isSignedState, readSettings } from "../../src/core/state";
import { FakeEngine, emptySheetPlan } from "./fake-engine";
import { MemoryHost, sheet } from "./memory-host";

const NOW = new Date("2026-11-23T08:00:00Z");

function setup(rows: (string | number | null)[][] = [["责任单位", "目标"]]) {
  const host = new MemoryHost({ source: "test.xlsx", sheets: [sheet("目标分解表", rows)] });
  const engine = new FakeEngine();
  const load = async () => engine;
  const session = createSession({
    host,
    loadEngine: load,
    runner: inThreadRunner(load),
    now: () => NOW,
  });
  return { host, engine, session };
}

describe("ScorecardSession", () => {
  it("recognises the workbook with the overrides saved in it", async () => {
    const { session, engine } = setup();
    await session.saveOverrides({ roles: { 目标分解表: "actuals" } });
    const overview = await session.recognise();
    expect(overview.settings.overrides).toEqual({ roles: { 目标分解表: "actuals" } });
    expect(engine.overridesSeen).toEqual([{ roles: { 目标分解表: "actuals" } }]);
    expect(overview.empty).toBe(false);
    expect(overview.rulesSummary).toEqual(["规则"]);
  });

  it("runs every phase in order, writes the outputs with the settings and remembers the ranking sheet", async () => {
    const { session, host, engine } = setup();
    const phases: PhaseProgress[] = [];
    const outcome = await session.assess(
      { asOf: "2026-10-31", period: { start: "2026-01-01", end: "2026-12-31" } },
      (p) => phases.push(p)
    );
    expect([...new Set(phases.map((p) => p.phase))]).toEqual([
      "read",
      "recognise",
      "validate",
      "compute",
      "write",
    ]);
    expect(engine.inputs).toEqual([
      {
        asOf: "2026-10-31",
        now: NOW.toISOString(),
        overrides: {},
        period: { start: "2026-01-01", end: "2026-12-31" },
      },
    ]);
    expect(outcome.rankingSheet).toBe("考核排名");
    expect(host.plans[0]?.sheets.map((s) => s.name)).toEqual([
      "考核排名",
      "校验结果",
      STATE_SHEET_NAME,
    ]);
    expect(readSettings(host.grid)).toEqual({
      overrides: {},
      asOf: "2026-10-31",
      period: { start: "2026-01-01", end: "2026-12-31" },
    });
    await session.showRanking();
    expect(host.selections).toEqual(["考核排名!A1"]);
  });

  it("forgets a period the user cleared", async () => {
    const { session, host } = setup();
    await session.assess(
      { asOf: "2026-10-31", period: { start: "2026-01-01", end: "2026-12-31" } },
      () => undefined
    );
    await session.assess({ asOf: "2026-11-30" }, () => undefined);
    expect(readSettings(host.grid)).toEqual({ overrides: {}, asOf: "2026-11-30" });
  });

  it("stops before writing when cancelled", async () => {
    const { session, host } = setup();
    const controller = new AbortController();
    const run = session.assess(
      { asOf: "2026-10-31" },
      (p) => {
        if (p.phase === "validate") controller.abort();
      },
      controller.signal
    );
    await expect(run).rejects.toMatchObject({ code: "cancelled" });
    expect(host.plans).toEqual([]);
  });

  it("reports a read failure naming the sheet and cell", async () => {
    const { session, host } = setup();
    host.readError = Object.assign(new Error("bad cell"), { sheet: "目标分解表", cell: "C4" });
    const error = await session.recognise().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    expect(error).toMatchObject({
      code: "read_failed",
      where: { sheet: "目标分解表", cell: "C4" },
    });
  });

  it("has no ranking to show before a run", async () => {
    const { session } = setup();
    await expect(session.showRanking()).rejects.toMatchObject({ code: "no_ranking" });
  });

  it("selects an issue's cell", async () => {
    const { session, host } = setup();
    await session.selectIssue({
      code: "bad_date",
      severity: "error",
      sheet: "项目台账",
      cell: "F9",
      row: 9,
      message_zh: "",
      message_en: "",
    });
    expect(host.selections).toEqual(["项目台账!F9"]);
  });

  it("采用建议 writes the suggestion into every cell of the column with the same text, then selects the cell", async () => {
    const { session, host } = setup([
      ["责任单位", "目标"],
      ["朝阳去", 1],
      ["南关区", 2],
      ["朝阳去", 3],
      [null, "朝阳去"],
    ]);
    const adopted = await session.adoptSuggestion({
      code: "unknown_unit",
      severity: "error",
      sheet: "目标分解表",
      cell: "A2",
      row: 2,
      message_zh: "",
      message_en: "",
      suggestion: "朝阳区",
    });
    expect(adopted).toEqual({ sheet: "目标分解表", cells: ["A2", "A4"], text: "朝阳区" });
    expect(host.cellWrites).toEqual(["目标分解表!A2=朝阳区", "目标分解表!A4=朝阳区"]);
    expect(host.selections).toEqual(["目标分解表!A2"]);
    // The next check reads the workbook as written.
    const reads = host.reads;
    await session.recognise();
    expect(host.reads).toBe(reads + 1);
  });

  it("passes the host's rows-read progress to recognise", async () => {
    const { session, host } = setup();
    host.readDetail = { sheet: "目标分解表", rows: 1200 };
    const seen: PhaseProgress[] = [];
    await session.recognise(undefined, (p) => seen.push(p));
    expect(seen).toEqual([
      { phase: "read", fraction: 1, detail: { sheet: "目标分解表", rows: 1200 } },
    ]);
  });

  it("creates the rules sheet only when the workbook has none, then selects it", async () => {
    const { session, host, engine } = setup();
    await session.openRules();
    expect(host.plans).toHaveLength(1);
    engine.rulesSheet = "考核规则";
    await session.openRules();
    expect(host.plans).toHaveLength(1);
    expect(host.selections).toEqual(["考核规则!A1", "考核规则!A1"]);
  });

  it("inserts the sample with its as-of date and period remembered", async () => {
    const { session, host } = setup();
    host.grid = { source: "空白.xlsx", sheets: [] };
    await session.insertSample();
    expect(readSettings(host.grid)).toMatchObject({
      asOf: "2008-01-31",
      period: { start: "2007-07-01", end: "2008-03-31" },
    });
    expect(host.selections).toEqual(["目标分解表!A1"]);
    await session.insertTemplate();
    expect(host.plans).toHaveLength(2);
  });

  describe("when the user's own sheets hold the names the product writes", () => {
    function withUserSheet(name: string) {
      const parts = setup();
      parts.host.grid = {
        ...parts.host.grid,
        sheets: [...parts.host.grid.sheets, sheet(name, [["我的表"]])],
      };
      return parts;
    }

    it("shows the ranking where it landed, and replaces it there on the next run", async () => {
      const { session, host } = withUserSheet("考核排名");
      const first = await session.assess({ asOf: "2026-10-31" }, () => undefined);
      expect(first.rankingSheet).toBe("考核排名 (2)");
      await session.showRanking();
      expect(host.selections).toEqual(["考核排名 (2)!A1"]);
      const second = await session.assess({ asOf: "2026-10-31" }, () => undefined);
      expect(second.rankingSheet).toBe("考核排名 (2)");
      expect(host.applied[1]?.sheets[0]).toEqual({
        planned: "考核排名",
        name: "考核排名 (2)",
        replaced: true,
      });
      expect(host.grid.sheets.find((s) => s.name === "考核排名")?.rows).toEqual([["我的表"]]);
    });

    it("knows its state sheet by the signature: a user's sheet named _scorecard_state is not it", async () => {
      const { session, host } = withUserSheet(STATE_SHEET_NAME);
      expect((await session.recognise()).stateSheet).toBeNull();
      await session.saveOverrides({ roles: { 目标分解表: "targets" } });
      const overview = await session.recognise();
      expect(overview.stateSheet).toBe(`${STATE_SHEET_NAME} (2)`);
      expect(overview.settings.overrides).toEqual({ roles: { 目标分解表: "targets" } });
      expect(host.grid.sheets.find((s) => s.name === STATE_SHEET_NAME)?.rows).toEqual([["我的表"]]);
    });

    it("selects the sample where it landed", async () => {
      // setup() starts with the user's own 目标分解表.
      const { session, host } = setup();
      await session.insertSample();
      expect(host.selections).toEqual(["目标分解表 (2)!A1"]);
    });

    it("selects the new rules sheet where it landed", async () => {
      const { session, host } = withUserSheet("考核规则");
      await session.openRules();
      expect(host.selections).toEqual(["考核规则 (2)!A1"]);
    });
  });

  it("uses the worker runner only for large workbooks", async () => {
    const host = new MemoryHost({
      source: "big.xlsx",
      sheets: [
        sheet(
          "台账",
          Array.from({ length: 20 }, () => ["a", "b", "c"])
        ),
      ],
    });
    const engine = new FakeEngine();
    const load = async () => engine;
    const used: string[] = [];
    const tag = (name: string) => {
      const inner = inThreadRunner(load);
      return {
        check: (...a: Parameters<typeof inner.check>) => (used.push(name), inner.check(...a)),
        assess: (...a: Parameters<typeof inner.assess>) => (used.push(name), inner.assess(...a)),
      };
    };
    const session = createSession({
      host,
      loadEngine: load,
      runner: tag("thread"),
      workerRunner: tag("worker"),
      workerThreshold: 50,
    });
    await session.recognise();
    host.grid = { ...host.grid, sheets: [sheet("台账", [["a"]])] };
    await session.recognise();
    expect(used).toEqual(["worker", "thread"]);
  });

  it("merges its settings row into a state sheet the engine planned, keeping the engine's rows", () => {
    const grid = { source: "x", sheets: [] };
    const plan = {
      sheets: [emptySheetPlan(STATE_SHEET_NAME, "state", [["previous.ranks", "{}"]])],
    };
    const merged = withSettings(plan, { overrides: {}, asOf: "2026-01-31" }, grid);
    expect(merged.sheets).toHaveLength(1);
    const values = merged.sheets[0]?.values ?? [];
    expect(values.slice(1)).toEqual([
      ["previous.ranks", "{}"],
      ["taskpane.settings", JSON.stringify({ overrides: {}, asOf: "2026-01-31" })],
    ]);
    // Signed for what it holds after the merge, so the next read takes it for the product's state.
    expect(isSignedState(values)).toBe(true);
  });
});
