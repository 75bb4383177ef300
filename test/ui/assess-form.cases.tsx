/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases; the flows walked in one locale. */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeSession } from "./fake-session";
import { OVERVIEW } from "./fixtures";
import { renderApp } from "./render-app";

describe("assess screen defaults", () => {
  it("starts from the rules' as-of date when none is saved, else today", async () => {
    const session = new FakeSession();
    session.overview = { ...OVERVIEW, settings: { overrides: {} } };
    const { m, unmount } = renderApp(session, "zh-CN");
    expect(
      ((await screen.findByLabelText(m.assess.asOf, { exact: false })) as HTMLInputElement).value
    ).toBe("2026-09-30");
    unmount();
    const bare = new FakeSession();
    bare.overview = { ...OVERVIEW, settings: { overrides: {} }, rulesPeriod: null };
    renderApp(bare, "zh-CN");
    expect(
      ((await screen.findByLabelText(m.assess.asOf, { exact: false })) as HTMLInputElement).value
    ).toBe("2026-11-23");
  });
});

describe("assess form across tabs", () => {
  it("keeps typed dates when the user looks at another tab", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, "en-US");
    const start = (await screen.findByLabelText(m.assess.periodStart)) as HTMLInputElement;
    await userEvent.clear(start);
    await userEvent.type(start, "2026-07-01");
    await userEvent.click(screen.getByRole("tab", { name: m.tabs.sheets }));
    expect(screen.getByRole("tabpanel", { name: m.tabs.sheets })).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: m.tabs.assess }));
    expect((screen.getByLabelText(m.assess.periodStart) as HTMLInputElement).value).toBe(
      "2026-07-01"
    );
  });
});
