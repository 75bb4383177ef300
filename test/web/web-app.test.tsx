/** @jest-environment jsdom */
import "../ui/jsdom-polyfills";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { inThreadRunner } from "../../src/app/runners/in-thread-runner";
import { MESSAGES } from "../../src/ui/i18n";
import { createSession } from "../../src/app/session";
import { WEB_MESSAGES } from "../../src/web/web-i18n";
import { WebApp } from "../../src/web/WebApp";
import type { XlsxCodec } from "../../src/workbook/exceljs/xlsx-codec";
import { FakeEngine } from "../app/fake-engine";
import { sheet } from "../app/memory-host";
import { LOCALES, renderFluent } from "../ui/render-app";
import type { Locale } from "../../src/ui/i18n";

const ledgerRows = Array.from({ length: 30 }, (_, r) => [
  "项目" + r,
  r === 6 ? "高新区 " : "经开区",
  r * 100,
]);

function setup(locale: Locale) {
  const m = MESSAGES[locale];
  const web = WEB_MESSAGES[locale];
  const saved: { bytes: number; name: string }[] = [];
  const codec: XlsxCodec = {
    read: async (_b, source) => ({ source, sheets: [sheet("项目台账", ledgerRows)] }),
    apply: async (b, plan) => ({
      buffer: new ArrayBuffer(b.byteLength + 10),
      applied: {
        sheets: plan.sheets.map((s) => ({ planned: s.name, name: s.name, replaced: false })),
      },
    }),
    writeCells: async (b) => b,
  };
  const engine = new FakeEngine();
  const load = async () => engine;
  renderFluent(
    <WebApp
      messages={m}
      web={web}
      codec={codec}
      createSession={(host) =>
        createSession({ host, loadEngine: load, runner: inThreadRunner(load) })
      }
      today="2026-11-23"
      save={(bytes, name) => saved.push({ bytes: bytes.byteLength, name })}
    />
  );
  return { saved, m, web };
}

describe.each(LOCALES)("web page (%s)", (locale) => {
  it("starts with the product heading and an open button, and refuses other files", async () => {
    const { m, web } = setup(locale);
    expect(screen.getByRole("heading", { level: 1, name: m.productName })).toBeTruthy();
    expect(screen.getByText(web.privacy)).toBeTruthy();
    await userEvent.upload(
      screen.getByLabelText(web.open),
      new File(["x"], "notes.txt", { type: "text/plain" }),
      { applyAccept: false }
    );
    expect(await screen.findByText(web.notXlsx("notes.txt"))).toBeTruthy();
  });
});

// The whole flow once, in zh-CN; the browser suite runs the real page in both languages.
describe("web page flow", () => {
  it("opens a workbook, previews the cell of a clicked issue, assesses and downloads", async () => {
    const { saved, m, web } = setup("zh-CN");
    await userEvent.upload(
      screen.getByLabelText(web.open),
      new File([new Uint8Array(8)], "台账.xlsx")
    );
    const download = await screen.findByRole("button", { name: web.download });
    expect(download).toHaveProperty("disabled", true);

    await userEvent.click(screen.getByRole("tab", { name: new RegExp(m.tabs.issues) }));
    await userEvent.click(await screen.findByRole("button", { name: /^B7/ }));
    const preview = await screen.findByRole("table", { name: "项目台账!B7" });
    const current = preview.querySelector('[aria-current="true"]');
    expect(current?.textContent).toBe("高新区 ");
    expect(within(preview).getAllByRole("row").length).toBeLessThanOrEqual(18);

    await userEvent.click(screen.getByRole("tab", { name: m.tabs.assess }));
    await userEvent.click(screen.getByRole("button", { name: m.assess.start }));
    await screen.findByText(m.assess.done(3, 3));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: web.download })).toHaveProperty("disabled", false)
    );
    await userEvent.click(screen.getByRole("button", { name: web.download }));
    expect(saved).toEqual([{ bytes: 18, name: `台账${web.assessedSuffix}.xlsx` }]);
  });
});
