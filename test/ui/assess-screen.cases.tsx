/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases. */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionError } from "../../src/app/session-error";
import { showDay } from "../../src/ui/dates";
import { FakeSession, deferred } from "./fake-session";
import { OVERVIEW } from "./fixtures";
import { LOCALES, renderApp } from "./render-app";

describe.each(LOCALES)("assess screen (%s)", (locale) => {
  it("starts with the saved as-of date, the rules summary and a rules-sheet button", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, locale);
    const asOf = (await screen.findByLabelText(m.assess.asOf, {
      exact: false,
    })) as HTMLInputElement;
    expect(asOf.value).toBe("2026-10-31");
    expect(screen.getByText(m.assess.rulesDefault)).toBeTruthy();
    expect(screen.getByText("计分方法：按比例计分，封顶 120%")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: m.assess.createRules }));
    await waitFor(() => expect(session.called("openRules")).toHaveLength(1));
    await waitFor(() => expect(session.called("recognise")).toHaveLength(2));
  });

  it("says which sheet the rules come from", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, rulesSheet: "考核规则" };
    const { m } = renderApp(session, locale);
    expect(await screen.findByText(m.assess.rulesFrom("考核规则"))).toBeTruthy();
    expect(screen.getByRole("button", { name: m.assess.openRules })).toBeTruthy();
  });

  it("passes the period and as-of date, shows the phases while running, then the preview", async () => {
    const session = new FakeSession();
    session.phases = [
      { phase: "read", fraction: 1 },
      { phase: "recognise", fraction: 0 },
      { phase: "validate", fraction: 0 },
      { phase: "compute", fraction: 0 },
    ];
    session.gate = deferred<void>();
    const { m } = renderApp(session, locale);
    // The boxes show the effective period (the calendar year of the as-of date here); typed over, they count.
    const start = (await screen.findByLabelText(m.assess.periodStart)) as HTMLInputElement;
    expect(start.value).toBe("2026-01-01");
    await userEvent.clear(start);
    await userEvent.type(start, "2026年2月1日");
    await userEvent.clear(screen.getByLabelText(m.assess.periodEnd));
    await userEvent.type(screen.getByLabelText(m.assess.periodEnd), "2026/12/31");
    await userEvent.click(screen.getByRole("button", { name: m.assess.start }));

    const bar = await screen.findByRole("progressbar");
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(3 / 5);
    const steps = screen.getByRole("list", { name: m.assess.progressLabel });
    expect(
      within(steps)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([
      `✓ ${m.phases.read}`,
      `✓ ${m.phases.recognise}`,
      `✓ ${m.phases.validate}`,
      m.phases.compute,
      m.phases.write,
    ]);
    expect(screen.getByRole("button", { name: m.assess.running })).toHaveProperty("disabled", true);
    expect(session.called("assess")).toEqual([
      [{ asOf: "2026-10-31", period: { start: "2026-02-01", end: "2026-12-31" } }],
    ]);

    await act(async () => session.gate?.resolve());
    expect(await screen.findByText(m.assess.done(3, 3))).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    const preview = screen.getByRole("table", { name: m.assess.previewTitle });
    const rows = within(preview).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[2]?.textContent)).toEqual([
      "高新区",
      "经开区",
      "东城区",
    ]);
    const badge = rows[2]?.querySelector("[data-status]") as HTMLElement;
    expect(badge.textContent).toBe(locale === "en-US" ? "✕ Far behind" : "✕ 严重滞后");
    expect(badge.style.backgroundColor).toBe("rgb(178, 24, 43)");
    const results = screen.getByRole("region", { name: m.assess.previewTitle });
    const day = (iso: string) => showDay(iso, locale);
    expect(
      within(results).getByText(
        m.assess.periodEcho(day("2026-01-01"), day("2026-12-31"), day("2026-10-31"), "83.3%")
      )
    ).toBeTruthy();
    // Completion per indicator against 序时进度, each cell coloured and marked by its band.
    const matrix = within(results).getByRole("table", { name: m.assess.matrixTitle("83.3%") });
    expect(within(matrix).getAllByRole("row")).toHaveLength(4);
    expect(
      within(within(matrix).getAllByRole("row")[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["★ 125.0%", "◐ 90.0%"]);
    // 名次变化 against the previous run; a score above the weights' 100 says why.
    expect(rows.map((r) => within(r).getAllByRole("cell")[1]?.textContent)).toEqual([
      "↑1",
      "↓1",
      locale === "en-US" ? "new" : "新",
    ]);
    expect(within(results).getByTestId("above-full").textContent).toBe(
      m.assess.aboveFull(
        100,
        "120%",
        [m.assess.aboveFullUnit("高新区", "108.5", ["实际利用外资 125.0%"], 0)],
        0
      )
    );
    // The 通报稿 paragraph is there to copy.
    expect(
      within(results).getByRole("textbox", { name: m.assess.noticeTitle }).textContent
    ).toContain("1—10月份");

    await userEvent.click(screen.getByRole("button", { name: m.assess.showRanking }));
    await waitFor(() => expect(session.called("showRanking")).toHaveLength(1));
  });

  it("cancels a long run", async () => {
    const session = new FakeSession();
    session.phases = [{ phase: "compute", fraction: 0 }];
    session.gate = deferred<void>();
    const { m } = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("button", { name: m.assess.start }));
    await userEvent.click(await screen.findByRole("button", { name: m.cancel }));
    expect(await screen.findByText(m.assess.cancelled)).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("button", { name: m.assess.start })).toHaveProperty("disabled", false);
  });

  it("shows a failed run as an error naming the sheet and cell", async () => {
    const session = new FakeSession();
    session.assessError = new SessionError("engine_failed", "公式错误", "Formula error", {
      sheet: "目标分解表",
      cell: "D9",
    });
    const { m } = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("button", { name: m.assess.start }));
    const title = await screen.findByText(m.errorTitle);
    expect(title.closest(".fui-MessageBar")?.textContent).toContain(m.where("目标分解表", "D9"));
    expect(screen.queryByRole("button", { name: m.assess.showRanking })).toBeNull();
  });

  it("warns when errors will block indicators", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, locale);
    expect(await screen.findByText(m.assess.blockedByErrors(1))).toBeTruthy();
  });
});
