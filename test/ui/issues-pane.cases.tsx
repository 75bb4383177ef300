/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases; the flows walked in one locale. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionError } from "../../src/app/session-error";
import { FakeSession } from "./fake-session";
import { ISSUES } from "./fixtures";
import { renderApp, renderIssues } from "./render-app";

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
