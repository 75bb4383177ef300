/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeSession } from "./fake-session";
import { STATE_SHEET_NAME } from "../../src/core/plan/product-sheets";
import { LEDGER, OVERVIEW, TARGETS } from "./fixtures";
import { LOCALES, renderApp } from "./render-app";

describe.each(LOCALES)("sheets screen (%s)", (locale) => {
  async function openSheets(session = new FakeSession()) {
    const view = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("tab", { name: view.m.tabs.sheets }));
    return { session, ...view };
  }
  const card = (name: string) => screen.getByRole("heading", { name }).closest("li") as HTMLElement;

  it("lists every column with its own header, a sample and what it was read as", async () => {
    const { m } = await openSheets();
    const targets = card("目标分解表");
    expect(within(targets).getByRole("combobox", { name: m.sheets.role })).toHaveProperty(
      "value",
      "targets"
    );
    expect(within(targets).getByText(m.sheets.confidence(92))).toBeTruthy();
    expect(targets.textContent).toContain(m.sheets.dataRows(5, 12));
    const c = targets.querySelector('[data-column="C"]') as HTMLElement;
    expect(c.textContent).toContain("实际利用外资（亿美元）");
    expect(c.textContent).toContain(m.sheets.sample("12.5"));
    expect(c.textContent).toContain(
      m.sheets.recognisedAs(`实际利用外资 · ${m.sheets.measures.target}`)
    );
    // An unrecognised column is listed too, by its header, and can become an indicator of its own.
    const f = within(targets).getByRole("combobox", {
      name: m.sheets.columnFor("F", "新开工项目（个）"),
    });
    expect(f).toHaveProperty("value", "");
    expect(f.parentElement?.parentElement?.textContent).toContain(
      m.sheets.recognisedAs(m.sheets.notUsed)
    );
    expect(
      within(f).getByRole("option", { name: `新开工项目（个） · ${m.sheets.measures.actual}` })
    ).toBeTruthy();
    expect(within(card("项目台账")).getByRole("combobox", { name: m.sheets.role })).toHaveProperty(
      "value",
      "ledger"
    );
  });

  it("saves a role override, combined tables included, and recognises again", async () => {
    const { session, m } = await openSheets();
    await userEvent.selectOptions(
      within(card("项目台账")).getByRole("combobox", { name: m.sheets.role }),
      "combined"
    );
    await waitFor(() => expect(session.called("recognise")).toHaveLength(2));
    expect(session.called("saveOverrides")).toEqual([[{ roles: { 项目台账: "combined" } }]]);
  });

  it("saves a column as the target of one of the workbook's indicators, in the CLI's --map words", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, settings: { overrides: { roles: { 项目台账: "ledger" } } } };
    const { m } = await openSheets(session);
    expect(within(card("目标分解表")).queryByText(m.sheets.overridden)).toBeNull();
    await userEvent.selectOptions(
      within(card("目标分解表")).getByRole("combobox", {
        name: m.sheets.columnFor("F", "新开工项目（个）"),
      }),
      "target:domestic_capital_cny"
    );
    await waitFor(() => expect(session.called("recognise")).toHaveLength(2));
    expect(session.called("saveOverrides")).toEqual([
      [
        {
          roles: { 项目台账: "ledger" },
          columns: { 目标分解表: { F: "target:domestic_capital_cny" } },
        },
      ],
    ]);
    expect(within(card("项目台账")).getByText(m.sheets.overridden)).toBeTruthy();
  });

  it("returns a column to recognition, dropping the sheet's corrections when none are left", async () => {
    const session = new FakeSession();
    session.overview = {
      ...OVERVIEW,
      settings: { overrides: { columns: { 目标分解表: { C: "ignore" } } } },
    };
    const { m } = await openSheets(session);
    const c = within(card("目标分解表")).getByRole("combobox", {
      name: m.sheets.columnFor("C", "实际利用外资（亿美元）"),
    });
    expect(c).toHaveProperty("value", "ignore");
    await userEvent.selectOptions(c, "");
    await waitFor(() => expect(session.called("saveOverrides")).toEqual([[{}]]));
  });

  it("tells what to do when no targets sheet was found", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, reports: [{ ...TARGETS, role: "other" }] };
    const { m } = await openSheets(session);
    const help = screen.getByTestId("no-targets-help");
    expect(help.textContent).toContain(m.sheets.noTargetsTitle);
    expect(help.textContent).toContain(m.sheets.noTargetsSteps[0]);
  });

  it("hides the product's state sheet by its record, not its name: a user's sheet called _scorecard_state is listed", async () => {
    const session = new FakeSession();
    session.overview = {
      ...OVERVIEW,
      reports: [
        TARGETS,
        { ...LEDGER, name: STATE_SHEET_NAME },
        { ...LEDGER, name: `${STATE_SHEET_NAME} (2)`, role: "other", hidden: true },
      ],
      stateSheet: `${STATE_SHEET_NAME} (2)`,
    };
    const { m } = await openSheets(session);
    expect(
      within(card(STATE_SHEET_NAME)).getByRole("combobox", { name: m.sheets.role })
    ).toHaveProperty("value", "ledger");
    expect(screen.queryByRole("heading", { name: `${STATE_SHEET_NAME} (2)` })).toBeNull();
  });

  it("says so when the workbook has no sheets", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, reports: [] };
    const { m } = await openSheets(session);
    expect(screen.getByText(m.sheets.none)).toBeTruthy();
  });
});
