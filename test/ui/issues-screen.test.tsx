/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Issue } from "../../src/core/issues";
import { MESSAGES } from "../../src/ui/i18n";
import type { Locale } from "../../src/ui/i18n";
import { IssuesScreen } from "../../src/ui/screens/IssuesScreen";
import { FakeSession } from "./fake-session";
import { ISSUES } from "./fixtures";
import { LOCALES, renderApp, renderFluent } from "./render-app";

function renderIssues(issues: readonly Issue[], locale: Locale, pageSize?: number) {
  const m = MESSAGES[locale];
  const selected: Issue[] = [];
  renderFluent(
    <IssuesScreen
      issues={issues}
      messages={m}
      onSelect={(i) => selected.push(i)}
      {...(pageSize === undefined ? {} : { pageSize })}
    />
  );
  return { m, selected };
}

describe.each(LOCALES)("issues screen (%s)", (locale) => {
  it("groups issues by sheet in the pane's language", () => {
    const { m } = renderIssues(ISSUES, locale);
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

  it("filters by severity", async () => {
    const { m } = renderIssues(ISSUES, locale);
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: m.issues.filterLabel }),
      "warning"
    );
    expect(screen.getAllByRole("button", { name: /C5|B7|D13/ }).map((b) => b.textContent)).toEqual([
      expect.stringContaining("C5"),
    ]);
    expect(screen.queryByRole("region", { name: new RegExp("项目台账") })).toBeNull();
  });

  it("says when there are no problems", () => {
    const { m } = renderIssues([], locale);
    expect(screen.getByText(m.issues.none)).toBeTruthy();
  });
});

describe("issues in the pane", () => {
  it("selects the cell of a clicked issue from the 校验 tab", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, "zh-CN");
    await userEvent.click(await screen.findByRole("tab", { name: new RegExp(m.tabs.issues) }));
    await userEvent.click(screen.getByRole("button", { name: /B7/ }));
    await waitFor(() => expect(session.called("selectIssue")).toEqual([[ISSUES[0]]]));
  });

  it("lists a page per sheet and more on request", async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      ...ISSUES[1]!,
      cell: `C${i + 2}`,
      row: i + 2,
    }));
    const { m } = renderIssues(many, "en-US", 2);
    const region = screen.getByRole("region", { name: `目标分解表 · ${m.issues.count(5)}` });
    expect(within(region).getAllByRole("listitem")).toHaveLength(2);
    await userEvent.click(within(region).getByRole("button", { name: m.issues.more(3) }));
    expect(within(region).getAllByRole("listitem")).toHaveLength(4);
    await userEvent.click(within(region).getByRole("button", { name: m.issues.more(1) }));
    expect(within(region).getAllByRole("listitem")).toHaveLength(5);
    expect(within(region).queryByRole("button", { name: /more/ })).toBeNull();
  });
});
