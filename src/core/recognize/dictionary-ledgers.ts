/** Header words of project ledgers (台账): one entry per field a ledger row can carry. */
import { LEDGER_DATE_HEADERS } from "./dictionary-ledger-dates";
import { LEDGER_PERIOD_FIELDS } from "./dictionary-ledger-periods";
import { LEDGER_STATUS_FIELDS } from "./dictionary-ledger-status";
import { headerField as f, type HeaderField } from "./header-field";

/**
 * A project type or industry that makes a project an 工业项目 (seed 001's 其中工业项目). 工业 in the statistics
 * is 采矿业, 制造业 and 电力、热力、燃气及水生产和供应业 (国民经济行业分类), so a ledger's 所属行业 written in
 * those words names 工业 as plainly as 工业项目 does.
 */
export const INDUSTRIAL_WORDS =
  /工业|制造|装备|采矿|采选|开采|电力|热力|燃气生产|水生产|自来水|第二产业|^二产|industrial|manufactur|mining/i;

const YES_NO_STAGES = ["签约", "注册", "落地", "开工", "投产", "竣工投产"].flatMap((w) => [
  `是否${w}`,
  `是否已${w}`,
]);

/**
 * Headers of a ledger that lists enterprises rather than projects (a 外商投资企业台账: each company set up is the
 * record). They name the project column only when no 项目名称 does and the other columns say ledger; beside a
 * 项目名称 they name the investor.
 */
export const ENTERPRISE_NAME_HEADERS =
  /^(外资|外商投资|外商|新设|新设外资|签约|落地|引进|入驻|招引)?(企业|公司)(名称|名)?$|^(企业|公司)[(（]项目[)）](名称)?$|^(enterprise|company|firm)(name)?$/;

export const LEDGER_FIELDS: readonly HeaderField[] = [
  f(
    "project_name",
    "ledger",
    "field",
    null,
    null,
    ["项目名称", "项目", "项目名", "名称"],
    ["項目名稱", "項目"],
    ["project", "project name", "name"]
  ),
  // A project's code in the bureau's 项目库 (ZS-2024-001): the project, whatever its name is edited to.
  f(
    "project_code",
    "ledger",
    "field",
    null,
    null,
    ["项目编号", "项目代码", "项目编码", "入库编号", "项目库编号"],
    ["項目編號", "項目代碼"],
    ["project code", "project id"]
  ),
  f(
    "investor",
    "ledger",
    "field",
    null,
    null,
    [
      ...["投资方", "投资方名称", "投资主体", "投资商", "投资企业", "签约企业", "客商", "投资者"],
      // Who invests from abroad, not how much: 外方投资者 is no 外方投资 (amount) column.
      ...["外方投资者", "外商投资者", "外方投资方", "外方投资企业", "外方", "外商"],
    ],
    ["投資方", "投資商"],
    ["investor", "investor name"]
  ),
  f(
    "industry",
    "ledger",
    "field",
    null,
    null,
    [
      "产业类别",
      "产业链",
      "行业",
      "所属行业",
      "产业",
      "行业类别",
      "所属产业",
      "产业分类",
      "项目类型",
      "项目类别",
      "项目性质",
    ],
    ["產業類別", "產業鏈", "行業"],
    ["industry", "sector", "industry chain"]
  ),
  f(
    "investment",
    "ledger",
    "field",
    "money_cny",
    "万元",
    [
      "总投资",
      "投资总额",
      "计划总投资",
      "总投资额",
      "投资额",
      "协议投资额",
      "合同投资额",
      "协议总投资",
      "签约金额",
      "签约额",
      "签约投资额",
      "签约总投资",
      "协议金额",
      "合同金额",
      "项目总投资",
      "计划投资",
      "单体投资",
      "单体投资额",
      "项目投资额",
      "计划总投资额",
      "投资规模",
      "项目投资规模",
    ],
    ["總投資", "投資總額"],
    ["total investment", "investment", "investment amount"]
  ),
  // Ledgers that keep 内资（万元） and 外资（万美元） apart instead of one 总投资 (seed 001 counts 外资+内资).
  f(
    "investment_domestic",
    "ledger",
    "field",
    "money_cny",
    "万元",
    ["内资", "内资额", "内资投资", "内资投资额", "内资金额", "内资协议投资额", "国内资金"],
    ["內資", "內資額"],
    ["domestic investment", "domestic"]
  ),
  f(
    "investment_foreign",
    "ledger",
    "field",
    "money_usd",
    "万美元",
    [
      "外资",
      "外资额",
      "外资投资",
      "外资投资额",
      "外资金额",
      "外资协议投资额",
      "外方投资",
      "外商投资额",
      "合同外资",
      "合同外资额",
      "协议外资",
      "合同利用外资",
    ],
    ["外資", "外資額"],
    ["foreign investment", "foreign"]
  ),
  f(
    "foreign_share",
    "ledger",
    "field",
    "ratio",
    null,
    ["外资占比", "外资比例", "外资比重", "外方出资比例", "外资股比"],
    ["外資佔比", "外資比例"],
    ["foreign share", "foreign ratio"]
  ),
  f(
    "currency",
    "ledger",
    "field",
    null,
    null,
    ["币种", "货币", "币别"],
    ["幣種", "貨幣"],
    ["currency"]
  ),
  f(
    "stage",
    "ledger",
    "field",
    null,
    null,
    [
      "项目阶段",
      "阶段",
      "进展",
      "项目进展",
      "进展情况",
      "项目状态",
      "状态",
      "推进阶段",
      "项目进度",
      "推进情况",
      "推进状态",
      "进展阶段",
      "项目进展情况",
      "目前进展",
      "当前阶段",
      "项目状况",
      "当前进度",
      "目前进度",
      "进度",
      "当前进展",
      "最新进展",
      "当前进展情况",
      "目前进展情况",
      "最新进度",
      "建设进度",
      "建设进展",
      "项目建设进度",
      "工作进展",
      "当前状态",
      "目前状态",
      "所处阶段",
      "项目所处阶段",
    ],
    ["項目階段", "階段", "進展"],
    ["stage", "status", "progress", "project stage"]
  ),
  // The stage as a mark (√) under one of several columns headed by the stages (项目所处阶段 › 在谈 / 已签约…).
  // 是否签约 / 是否开工 standing alone, 是 or 否 under each, say the same as a √ under 已签约 / 已开工.
  f("stage_mark", "ledger", "field", null, null, [...YES_NO_STAGES], [], [], {
    groups: ["阶段", "进度", "状态", "进展"],
    leaves: [
      ...["线索", "储备", "在谈", "洽谈", "洽谈中", "意向", "签约", "已签约", "注册", "已注册"],
      ...["落地", "已落地", "开工", "已开工", "在建", "投产", "已投产", "竣工", "已竣工"],
      ...["竣工投产", "已竣工投产"],
    ],
  }),
  ...LEDGER_DATE_HEADERS,
  f(
    "funds_in_place",
    "ledger",
    "field",
    "money_cny",
    "万元",
    [
      "到位资金",
      "实际到位资金",
      "累计到位资金",
      "到位资金额",
      "本年到位资金",
      "实际到位",
      "累计到位",
      "实际到位资金额",
      "实际到位外资",
      // A 外商投资企业台账's 实际外资 / 实际到资 beside 合同外资: the 外资 that arrived.
      "实际外资",
      "实际到资",
      "实际利用外资",
      "实际使用外资",
      "到位外资",
      "实际到位外资额",
    ],
    ["到位資金", "實際到位資金"],
    ["funds in place", "funds received", "capital in place"]
  ),
  f(
    "industrial",
    "ledger",
    "field",
    null,
    null,
    ["是否工业项目", "工业项目", "是否工业"],
    ["是否工業項目", "工業項目"],
    ["industrial", "is industrial", "industrial project"]
  ),
  f(
    "investor_type",
    "ledger",
    "field",
    null,
    null,
    [
      ...["投资方类型", "投资者类型", "企业类型", "投资方性质", "投资方属性", "500强类型"],
      // 是 / 否 flags: the 是 reads as the header's word (ledger-flags.ts).
      ...["是否500强", "是否世界500强", "是否中国500强", "是否央企", "是否500强企业"],
    ],
    ["投資方類型"],
    ["investor type"]
  ),
  // Where the investor is based (北京市, 江苏省苏州市): never the unit the project lands in, and no 省外 / 省内
  // answer either (that needs the home province), so it is read by neither.
  f(
    "investor_place",
    "ledger",
    "field",
    null,
    null,
    [
      "投资方所在地",
      "投资者所在地",
      "投资主体所在地",
      "投资方所在省市",
      "投资方所属地区",
      "投资方地区",
      "投资方注册地",
      "客商所在地",
      "企业所在地",
    ],
    ["投資方所在地"],
    ["investor location", "investor's location", "investor based in"]
  ),
  f(
    "origin",
    "ledger",
    "field",
    null,
    null,
    [
      "来源地",
      "投资方来源地",
      "投资来源地",

      "来源",
      "省外",
      "是否省外",
      "地域",
      // The investor's country: longer than 外方投资, so a 外方投资者国别 column is never taken for money.
      "国别",
      "国别(地区)",
      "国家(地区)",
      "国家或地区",
      "投资方国别",
      "外方国别",
      "外方投资者国别",
      "外方投资者国别(地区)",
      "投资来源国",
    ],
    ["來源地"],
    ["origin", "source region"]
  ),
  ...LEDGER_PERIOD_FIELDS,
  // Written by `scorecard merge`: which submitted file and row a project came from.
  f(
    "provenance",
    "ledger",
    "field",
    null,
    null,
    ["报送文件", "来源文件", "数据来源文件"],
    ["報送文件", "來源文件"],
    ["source file", "submitted file", "provenance"]
  ),
  ...LEDGER_STATUS_FIELDS,
];
