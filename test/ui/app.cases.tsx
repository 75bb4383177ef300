/** Run by pane.test.tsx, which loads Fluent UI once for every screen's cases. */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionError } from "../../src/app/session-error";
import { FakeSession, deferred } from "./fake-session";
import { EMPTY_OVERVIEW, OVERVIEW } from "./fixtures";
import { LOCALES, renderApp } from "./render-app";

describe.each(LOCALES)("task pane (%s)", (locale) => {
  it("shows the tabs and the assess screen once the workbook is recognised", async () => {
    const session = new FakeSession();
    const { m } = renderApp(session, locale);
    expect(await screen.findByRole("button", { name: m.assess.start })).toBeTruthy();
    const tabs = screen.getByRole("tablist", { name: m.tabs.label });
    expect(within(tabs).getAllByRole("tab")).toHaveLength(3);
    expect(
      within(tabs).getByRole("tab", { name: `${m.tabs.issues} (${m.issues.tabCount(3, 1)})` })
    ).toBeTruthy();
    expect(
      within(tabs).getByRole("tab", { name: m.tabs.assess }).getAttribute("aria-selected")
    ).toBe("true");
    expect(session.called("recognise")).toHaveLength(1);
  });

  it("offers the sample and the template on an empty workbook", async () => {
    const session = new FakeSession();
    session.overview = EMPTY_OVERVIEW;
    const { m } = renderApp(session, locale);
    const sample = await screen.findByRole("button", { name: m.empty.sample });
    expect(screen.getByText(m.empty.title)).toBeTruthy();
    expect(screen.getByText(m.stepCompute)).toBeTruthy();
    session.overview = OVERVIEW;
    await userEvent.click(sample);
    await waitFor(() => expect(screen.queryByText(m.empty.title)).toBeNull());
    expect(session.called("insertSample")).toHaveLength(1);
    expect(session.called("recognise")).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: m.refresh }));
    expect(session.called("insertTemplate")).toHaveLength(0);
  });

  it("inserts the blank template", async () => {
    const session = new FakeSession();
    session.overview = EMPTY_OVERVIEW;
    const { m } = renderApp(session, locale);
    await userEvent.click(await screen.findByRole("button", { name: m.empty.template }));
    await waitFor(() => expect(session.called("recognise")).toHaveLength(2));
    expect(session.called("insertTemplate")).toHaveLength(1);
  });

  it("names the sheet and cell of a failure and lets the user dismiss it", async () => {
    const session = new FakeSession();
    session.recogniseError = new SessionError("read_failed", "无法读取", "Cannot read", {
      sheet: "目标分解表",
      cell: "C5",
    });
    const { m } = renderApp(session, locale);
    const alert = await screen.findByText(m.errorTitle);
    const bar = alert.closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain(locale === "en-US" ? "Cannot read" : "无法读取");
    expect(bar.textContent).toContain("C5");
    expect(bar.textContent).toContain("目标分解表");
    await userEvent.click(within(bar).getByRole("button", { name: m.dismiss }));
    expect(screen.queryByText(m.errorTitle)).toBeNull();
  });

  it("shows a spinner while reading", async () => {
    const session = new FakeSession();
    const gate = deferred<void>();
    const recognise = session.recognise.bind(session);
    session.recognise = async () => {
      await gate.promise;
      return recognise();
    };
    const { m } = renderApp(session, locale);
    expect(screen.getByText(m.loading)).toBeTruthy();
    await act(async () => gate.resolve());
    await waitFor(() => expect(screen.queryByText(m.loading)).toBeNull());
  });
});
