/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeSession } from "./fake-session";
import { ISSUES, OVERVIEW } from "./fixtures";
import { LOCALES, renderApp } from "./render-app";

describe.each(LOCALES)("issues screen (%s)", (locale) => {
  async function openIssues(session = new FakeSession()) {
    const view = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("tab", { name: new RegExp(view.m.tabs.issues) }));
    return { session, ...view };
  }

  it("groups issues by sheet in the pane's language", async () => {
    const { m } = await openIssues();
    const ledger = screen.getByRole("region", { name: `项目台账 · ${m.issues.count(1)}` });
    expect(
      within(ledger).getByText(
        locale === "en-US" ? 'Unknown unit "高新区 "' : "未知责任单位“高新区 ”"
      )
    ).toBeTruthy();
    expect(within(ledger).getByText(m.issues.suggestion("高新区"))).toBeTruthy();
    const targets = screen.getByRole("region", { name: `目标分解表 · ${m.issues.count(2)}` });
    expect(within(targets).getAllByRole("button")).toHaveLength(2);
  });

  it("selects the cell of a clicked issue", async () => {
    const { session } = await openIssues();
    await userEvent.click(screen.getByRole("button", { name: /B7/ }));
    await waitFor(() => expect(session.called("selectIssue")).toEqual([[ISSUES[0]]]));
  });

  it("filters by severity", async () => {
    const { m } = await openIssues();
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: m.issues.filterLabel }),
      "warning"
    );
    expect(screen.getAllByRole("button", { name: /C5|B7|D13/ }).map((b) => b.textContent)).toEqual([
      expect.stringContaining("C5"),
    ]);
    expect(screen.queryByRole("region", { name: new RegExp("项目台账") })).toBeNull();
  });

  it("says when there are no problems", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, issues: [] };
    const { m } = await openIssues(session);
    expect(screen.getByText(m.issues.none)).toBeTruthy();
  });
});

describe("long issue lists", () => {
  it("shows 100 per sheet and more on request", async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...ISSUES[1]!,
      cell: `C${i + 2}`,
      row: i + 2,
    }));
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, issues: many };
    const { m } = renderApp(session, "en-US");
    await userEvent.click(await screen.findByRole("tab", { name: new RegExp(m.tabs.issues) }));
    const region = screen.getByRole("region", { name: `目标分解表 · ${m.issues.count(150)}` });
    expect(within(region).getAllByRole("listitem")).toHaveLength(100);
    await userEvent.click(within(region).getByRole("button", { name: m.issues.more(50) }));
    expect(within(region).getAllByRole("listitem")).toHaveLength(150);
  });
});
