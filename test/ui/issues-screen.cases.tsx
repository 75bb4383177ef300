/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases. */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ISSUES } from "./fixtures";
import { LOCALES, renderIssues } from "./render-app";

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
