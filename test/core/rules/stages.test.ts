import { DEFAULT_STAGES, StageIndex } from "../../../src/core/rules/stages";

const stages = new StageIndex(DEFAULT_STAGES);
const stageOf = (word: string): string | null => {
  const m = stages.match(word);
  return m.how === "none" || m.how === "withdrawn" || m.how === "continuing" ? m.how : m.stage;
};

describe("stage words", () => {
  it("reads land won or allotted, and a kept contract, as signed and not yet started", () => {
    expect(["已摘牌", "土地摘牌", "已供地", "已拿地", "已履约", "签约未落地"].map(stageOf)).toEqual(
      new Array(6).fill("签约")
    );
  });

  it("reads 达效 as in production and 跟踪 / 储备 / 谈判中 as before signing", () => {
    expect(["已投产达效", "达产达效", "竣工"].map(stageOf)).toEqual(["投产", "投产", "投产"]);
    expect(["跟踪", "谈判中"].map(stageOf)).toEqual(["在谈", "在谈"]);
    expect(stageOf("储备")).toBe("线索");
  });

  it("reads what a progress note says is done, not what it expects", () => {
    expect(stageOf("已完成土地摘牌，预计10月开工")).toBe("签约");
    expect(stageOf("主体已开工，计划年底投产")).toBe("开工");
    expect(stageOf("项目推进中")).toBe("none");
    expect(stageOf("设备安装调试中")).toBe("开工");
  });

  it("reads a stage not yet reached as the stage before it, never as a typo of the stage it names", () => {
    expect(["未签约", "待签约", "拟签约", "尚未签约"].map(stageOf)).toEqual(Array(4).fill("在谈"));
    // 注册 is not implied: a project not yet started is signed.
    expect(stageOf("未开工")).toBe("签约");
    expect(stageOf("签约后未开工")).toBe("签约");
    expect(stageOf("已完成")).toBe("none");
    expect(stageOf("完成")).toBe("none");
  });

  it("reads 生产 / 营业 inside a phrase as what the phrase names, not as production", () => {
    expect(stageOf("生产设备安装调试中")).toBe("开工");
    expect(stageOf("已签约，营业执照未办理")).toBe("签约");
    expect(["生产", "营业", "正常生产"].map(stageOf)).toEqual(Array(3).fill("投产"));
    // A part built is a project under construction; the project built, or 建成投产, is in production.
    expect(["厂房已建成，设备安装调试中", "主体已建成"].map(stageOf)).toEqual(["开工", "开工"]);
    expect(["已建成", "建成", "建成投产", "一期已建成投产"].map(stageOf)).toEqual(
      Array(4).fill("投产")
    );
  });

  it("reads a stage said not yet reached with an adverb between (未正式开工, 没有开工) as not reached", () => {
    expect(["未正式开工", "没有开工", "已签约尚未正式开工"].map(stageOf)).toEqual(
      Array(3).fill("签约")
    );
    expect(stageOf("尚未正式签约")).toBe("在谈");
  });

  it("takes a configured synonym with regular-expression characters as plain text", () => {
    const custom = new StageIndex(DEFAULT_STAGES, { 签约: ["签约(甲"] });
    expect(custom.indexOf("未开工")).toBe(custom.position("签约"));
  });

  it("knows the words for opening, trial production and moving in", () => {
    expect(["开业", "试生产", "已建成", "投入使用", "试运营"].map(stageOf)).toEqual(
      Array(5).fill("投产")
    );
    expect(["已入驻", "已办理营业执照"].map(stageOf)).toEqual(["注册", "注册"]);
    expect(["前期对接", "已考察", "已签框架协议"].map(stageOf)).toEqual(["线索", "在谈", "签约"]);
  });

  it("reads a terminated or revoked project as withdrawn, never as its nearest stage", () => {
    for (const word of ["已终止", "已撤销", "已取消", "签约后终止", "协议解除", "Terminated"])
      expect([word, stageOf(word)]).toEqual([word, "withdrawn"]);
    expect(stages.indexOf("已终止")).toBe(-1);
    expect(stages.suggest("已撤销")).toBeNull();
  });

  it("reads a 续建 project as carried over (never a new event) and 撤资 / 协议已解除 as withdrawn", () => {
    expect(["续建（在建）", "续建（竣工）", "续建"].map(stageOf)).toEqual(
      new Array(3).fill("continuing")
    );
    expect(["企业撤资，协议已解除", "项目已撤销"].map(stageOf)).toEqual(["withdrawn", "withdrawn"]);
    expect(stageOf("已签约")).toBe("签约");
  });

  it("reads 正在办理开工手续 and 待开工 as not yet started", () => {
    expect(stageOf("已于5月签约，正在办理开工手续")).toBe("签约");
    expect(stageOf("已签约待开工")).toBe("签约");
  });
});
