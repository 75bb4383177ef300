/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createCoreEngine } from "../../src/app/core-engine";
import { inThreadRunner } from "../../src/app/runners/in-thread-runner";
import { createSession } from "../../src/app/session";
import { MemoryHost } from "../app/memory-host";
import { renderApp } from "./render-app";

describe("task pane on the real engine", () => {
  it("inserts the sample into an empty workbook, assesses it and shows the ranking", async () => {
    const host = new MemoryHost({ source: "工作簿1", sheets: [] });
    const engine = createCoreEngine();
    const load = async () => engine;
    const session = createSession({
      host,
      loadEngine: load,
      runner: inThreadRunner(load),
      now: () => new Date("2026-11-23T08:00:00Z"),
    });
    const { m } = renderApp(session, "zh-CN");
    await userEvent.click(await screen.findByRole("button", { name: m.empty.sample }));
    await waitFor(() => expect(screen.queryByText(m.empty.title)).toBeNull());
    const asOf = (await screen.findByLabelText(m.assess.asOf, {
      exact: false,
    })) as HTMLInputElement;
    await waitFor(() => expect(asOf.value).toBe("2008-01-31"));
    expect(screen.getByText(m.assess.rulesFrom("考核规则"))).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: m.assess.start }));
    const preview = await screen.findByRole("table", { name: m.assess.previewTitle });
    expect(within(preview).getAllByRole("row").length).toBeGreaterThan(5);
    expect(host.grid.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["考核排名", "校验结果", "通报稿"])
    );
    await userEvent.click(screen.getByRole("button", { name: m.assess.showRanking }));
    expect(host.selections.at(-1)).toBe("考核排名!A1");
  });
});
