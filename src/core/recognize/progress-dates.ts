/**
 * The date a 项目进展 sentence gives an event ("2023年11月签约，2024年4月开工", "已于5月签约"), for a 台账 with no
 * date column: without it, a project signed last year would count as this year's by its stage alone.
 */
import { PLANNED_WORD } from "../rules/stages";
import { toHalfWidth } from "../text";

export type ProgressEvent = "signed" | "started" | "registered" | "produced";

const EVENT_WORDS: Readonly<Record<ProgressEvent, RegExp>> = {
  signed: /签约|签订|签署/,
  started: /开工|动工|进场施工|开始建设/,
  registered: /注册/,
  produced: /投产|竣工|建成/,
};

/** "2023年11月", "2024年4月5日", "5月", "7月20日"; or "2024.3.12" with its year ("1.5亿" is no date). */
const DATE_IN_CLAUSE =
  /(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})[日号])?|((?:19|20)\d{2})[./-](\d{1,2})[./-](\d{1,2})/;

/** The event's date in `text`, the year defaulting to `year`; null when no clause dates it as done. */
export function progressDate(text: string, event: ProgressEvent, year: number | null): Date | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  for (const clause of t.split(/[,，;；。]/)) {
    // What is expected, not done (预计10月签约, 计划年底开工), dates nothing: the stage test skips it too.
    if (!EVENT_WORDS[event].test(clause) || PLANNED_WORD.test(clause)) continue;
    const m = DATE_IN_CLAUSE.exec(clause);
    if (!m) continue;
    const full = m[4] !== undefined;
    const stated = full ? m[4] : m[1];
    const y = stated !== undefined ? Number(stated) : year;
    if (y === null) continue;
    const month = Number(full ? m[5] : m[2]);
    const dayText = full ? m[6] : m[3];
    const date = new Date(Date.UTC(y, month - 1, dayText !== undefined ? Number(dayText) : 1));
    if (month >= 1 && month <= 12 && date.getUTCMonth() === month - 1) return date;
  }
  return null;
}
