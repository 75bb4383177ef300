/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Issue } from "../../src/core/issues";
import { MESSAGES } from "../../src/ui/i18n";
import type { Locale } from "../../src/ui/i18n";
import { IssuesScreen } from "../../src/ui/screens/IssuesScreen";
import { SessionError } from "../../src/app/session-error";
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
      onAdopt={(i) => selected.push(i)}
      {...(pageSize === undefined ? {} : { pageSize })}
    />
  );
  return { m, selected };
}

describe.each(LOCALES)("issues screen (%s)", (locale) => {
  it("groups issues by sheet and kind in the pane's language, errors first", () => {
    const { m } = renderIssues(ISSUES, locale);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings[0]).toContain("项目台账");
    expect(headings[1]).toContain("目标分解表");
    const ledger = screen.getByRole("list", {
      name: `项目台账 ${locale === "en-US" ? "Unknown unit" : "未知责任单位"}`,
    });
    expect(
      within(ledger).getByText(
        locale === "en-US" ? 'Unknown unit "高新区 "' : "未知责任单位“高新区 ”"
      )
    ).toBeTruthy();
    expect(within(ledger).getByText(m.issues.suggestion("高新区"))).toBeTruthy();
    expect(
      within(ledger).getByRole("button", { name: m.issues.adoptFor("高新区", "B7") })
    ).toBeTruthy();
    // The sheet's count names every severity it holds.
    expect(headings[1]).toContain(m.issues.count(2));
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
    expect(screen.queryByRole("heading", { name: new RegExp("项目台账") })).toBeNull();
  });

  it("says when there are no problems", () => {
    const { m } = renderIssues([], locale);
    expect(screen.getByText(m.issues.none)).toBeTruthy();
  });
});

describe("issues in the pane", () => {
  it("selects the cell of a clicked issue from the 校验 tab, whose count is the filter's", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, "zh-CN");
    // Fluent renders a tab's text twice (one copy reserves the bold width): the accessible name is the one.
    const tab = await screen.findByRole("tab", {
      name: `${m.tabs.issues} (${m.issues.tabCount(3, 1)})`,
    });
    await userEvent.click(tab);
    expect(screen.getByRole("option", { name: `${m.issues.all} (3)` })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: /^B7/ }));
    await waitFor(() => expect(session.called("selectIssue")).toEqual([[ISSUES[0]]]));
  });

  it("采用建议 writes the suggestion, checks again and says where it went", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, "zh-CN");
    await userEvent.click(await screen.findByRole("tab", { name: new RegExp(m.tabs.issues) }));
    await userEvent.click(screen.getByRole("button", { name: m.issues.adoptFor("高新区", "B7") }));
    await waitFor(() => expect(session.called("adoptSuggestion")).toEqual([[ISSUES[0]]]));
    expect(await screen.findByText(m.issues.adopted("高新区", ["B7"]))).toBeTruthy();
    // The list is the workbook's after the write: recognised again.
    expect(session.called("recognise")).toHaveLength(2);
  });

  it("采用建议 refused by the host shows why and writes nothing", async () => {
    const session = new FakeSession();
    session.adoptError = new SessionError(
      "write_failed",
      "工作表受保护，未作改动。",
      "The sheet is protected; nothing was changed."
    );
    const { m } = renderApp(session, "zh-CN");
    await userEvent.click(await screen.findByRole("tab", { name: new RegExp(m.tabs.issues) }));
    await userEvent.click(screen.getByRole("button", { name: m.issues.adoptFor("高新区", "B7") }));
    expect(await screen.findByText(/工作表受保护/)).toBeTruthy();
    expect(screen.queryByText(m.issues.adopted("高新区", ["B7"]))).toBeNull();
    expect(session.called("recognise")).toHaveLength(1);
  });

  it("lists a page per kind and more on request", async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      ...ISSUES[1]!,
      cell: `C${i + 2}`,
      row: i + 2,
    }));
    const { m } = renderIssues(many, "en-US", 2);
    const list = () => screen.getByRole("list", { name: "目标分解表 Numbers stored as text" });
    expect(within(list()).getAllByRole("listitem")).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: m.issues.more(3) }));
    expect(within(list()).getAllByRole("listitem")).toHaveLength(4);
    await userEvent.click(screen.getByRole("button", { name: m.issues.more(1) }));
    expect(within(list()).getAllByRole("listitem")).toHaveLength(5);
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });
});
