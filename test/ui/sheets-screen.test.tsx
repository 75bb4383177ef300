/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeSession } from "./fake-session";
import { OVERVIEW } from "./fixtures";
import { LOCALES, renderApp } from "./render-app";

describe.each(LOCALES)("sheets screen (%s)", (locale) => {
  async function openSheets() {
    const session = new FakeSession();
    const view = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("tab", { name: view.m.tabs.sheets }));
    return { session, ...view };
  }

  it("shows each sheet's role, confidence, rows and column mapping", async () => {
    const { m } = await openSheets();
    const targets = screen
      .getByRole("heading", { name: "目标分解表" })
      .closest("li") as HTMLElement;
    expect(within(targets).getByRole("combobox", { name: m.sheets.role })).toHaveProperty(
      "value",
      "targets"
    );
    expect(within(targets).getByText(m.sheets.confidence(92))).toBeTruthy();
    expect(targets.textContent).toContain(m.sheets.dataRows(5, 12));
    expect(within(targets).getByRole("combobox", { name: m.sheets.columnFor("C") })).toHaveProperty(
      "value",
      "foreign_capital_usd"
    );
    expect(within(targets).getByRole("combobox", { name: m.sheets.columnFor("F") })).toHaveProperty(
      "value",
      ""
    );
    const ledger = screen.getByRole("heading", { name: "项目台账" }).closest("li") as HTMLElement;
    expect(within(ledger).getByRole("combobox", { name: m.sheets.role })).toHaveProperty(
      "value",
      "ledger"
    );
  });

  it("saves a role override and recognises again", async () => {
    const { session, m } = await openSheets();
    const ledger = screen.getByRole("heading", { name: "项目台账" }).closest("li") as HTMLElement;
    await userEvent.selectOptions(
      within(ledger).getByRole("combobox", { name: m.sheets.role }),
      "actuals"
    );
    await waitFor(() => expect(session.called("recognise")).toHaveLength(2));
    expect(session.called("saveOverrides")).toEqual([[{ roles: { 项目台账: "actuals" } }]]);
  });

  it("saves a column override, keeping the others", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, settings: { overrides: { roles: { 项目台账: "ledger" } } } };
    const { m } = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("tab", { name: m.tabs.sheets }));
    const targets = screen
      .getByRole("heading", { name: "目标分解表" })
      .closest("li") as HTMLElement;
    expect(within(targets).queryByText(m.sheets.overridden)).toBeNull();
    await userEvent.selectOptions(
      within(targets).getByRole("combobox", { name: m.sheets.columnFor("F") }),
      "domestic_capital_cny"
    );
    await waitFor(() => expect(session.called("recognise")).toHaveLength(2));
    expect(session.called("saveOverrides")).toEqual([
      [{ roles: { 项目台账: "ledger" }, columns: { 目标分解表: { F: "domestic_capital_cny" } } }],
    ]);
    const ledger = screen.getByRole("heading", { name: "项目台账" }).closest("li") as HTMLElement;
    expect(within(ledger).getByText(m.sheets.overridden)).toBeTruthy();
  });

  it("says so when the workbook has no sheets", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, reports: [] };
    const { m } = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("tab", { name: m.tabs.sheets }));
    expect(screen.getByText(m.sheets.none)).toBeTruthy();
  });
});
