/** "一键考核": the assessment with the settings saved in the workbook, summed up in one short sentence. */
import type { PaneSession } from "../app/session-types";
import { toSessionError } from "../app/session-error";

export interface QuickOutcome {
  readonly ok: boolean;
  readonly message_zh: string;
  readonly message_en: string;
}

export async function quickAssess(
  session: PaneSession,
  today: string,
  signal?: AbortSignal
): Promise<QuickOutcome> {
  try {
    const overview = await session.recognise(signal);
    if (overview.empty) {
      return {
        ok: false,
        message_zh:
          "没有找到目标分解表、完成情况表或项目台账。请打开“招商考核”任务窗格插入示例数据或空白模板。",
        message_en:
          "No targets, actuals or ledger sheet found. Open the Scorecard pane to insert the sample data or a blank template.",
      };
    }
    const { settings } = overview;
    const asOf = settings.asOf ?? today;
    const outcome = await session.assess(
      settings.period ? { asOf, period: settings.period } : { asOf },
      () => undefined,
      signal
    );
    const units = outcome.results.units.length;
    const errors = outcome.issues.filter((i) => i.severity === "error").length;
    const first = outcome.results.units[0];
    const lead_zh = first ? `第一名：${first.unit}。` : "";
    const lead_en = first ? ` First: ${first.unit}.` : "";
    const err_zh = errors > 0 ? `有 ${errors} 个错误，详见“校验结果”表。` : "";
    const err_en =
      errors > 0
        ? ` ${errors} ${errors === 1 ? "error" : "errors"}: see the check-result sheet.`
        : "";
    return {
      ok: true,
      message_zh: `考核完成（截至 ${asOf}）：${units} 个单位已排名。${lead_zh}${err_zh}`,
      message_en: `Assessment done (as of ${asOf}): ${units} units ranked.${lead_en}${err_en}`,
    };
  } catch (error) {
    const e = toSessionError(error, "engine_failed");
    const where_zh = e.where.sheet
      ? `（${e.where.sheet}${e.where.cell ? `!${e.where.cell}` : ""}）`
      : "";
    const where_en = e.where.sheet
      ? ` (${e.where.sheet}${e.where.cell ? `!${e.where.cell}` : ""})`
      : "";
    return {
      ok: false,
      message_zh: `考核未完成：${e.message_zh}${where_zh}`,
      message_en: `Assessment not done: ${e.message_en}${where_en}`,
    };
  }
}
