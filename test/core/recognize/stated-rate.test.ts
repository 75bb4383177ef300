import type { SheetGrid } from "../../../src/core/grid";
import { sheetGrid } from "../../fixtures/grid";
import { statedExchangeRate } from "../../../src/core/recognize/stated-rate";

const sheet = (texts: string[], hidden = false): SheetGrid =>
  sheetGrid({ name: "台账", hidden, rows: texts.map((t) => [t]) });

describe("statedExchangeRate", () => {
  it.each([
    ["注：外资项目按1美元=7.1元人民币折算；内资、外资均为协议投资额。", 7.1],
    ["外资按 1 美元兑 7.25 元计", 7.25],
    ["美元汇率按7.0计算", 7],
    ["按6.9的汇率折算为人民币", 6.9],
    ["Foreign amounts at USD 1 = CNY 7.12", 7.12],
    ["（美元项目按1:7.1折算人民币）", 7.1],
    ["美元与人民币按1：7.2比例折算", 7.2],
  ])("reads %s", (text, rate) => {
    expect(statedExchangeRate([sheet(["台账", text])])).toMatchObject({ rate, cell: "A2" });
  });

  it("takes no rate from other figures beside 美元 or from hidden sheets", () => {
    expect(statedExchangeRate([sheet(["实际利用外资（万美元）2024年"])])).toBeNull();
    expect(statedExchangeRate([sheet(["汇率按70计算"])])).toBeNull();
    expect(statedExchangeRate([sheet(["美元项目1:1配套"])])).toBeNull();
    expect(statedExchangeRate([sheet(["1美元=7.1元"], true)])).toBeNull();
  });
});
