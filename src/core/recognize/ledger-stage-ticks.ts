/**
 * Columns headed by the stages (推进节点 › 签约 / 开工 / 投产) hold the stage's date in one 台账 and a tick (✓ / √,
 * × where not yet) in another: the header alone cannot tell. A column whose cells are all ticks and crosses is
 * read as the stage marked, as a 项目阶段 › 已签约 column of √ is; its cells are no dates to refuse.
 */
import type { SheetGrid } from "../grid";
import { normalizeText } from "../text";
import type { ColumnMap, MappedColumn } from "./column-map";
import { LEDGER_FIELDS } from "./dictionary-ledgers";
import type { HeaderBlock, HeaderColumn } from "./header-block";
import { EVENT_DATE_KEYS } from "./ledger-field-columns";
import { STAGE_MARK } from "./ledger-words";

const STAGE_MARK_FIELD = LEDGER_FIELDS.find((f) => f.key === "stage_mark");
const STAGE_LEAVES = new Set((STAGE_MARK_FIELD?.under?.leaves ?? []).map(normalizeText));
/** What a clerk types where a stage is not reached yet. */
const NOT_YET = /^(?:[×✗✘xX○□]|否|无|未|n|no|0|—|-)$/i;
/** Fields a stage-headed column is taken for when its header is read alone. */
const DATE_KEYS = new Set(EVENT_DATE_KEYS);

/** How many ticks the column's body holds, −1 when it holds anything but ticks and crosses. */
function ticksIn(sheet: SheetGrid, block: HeaderBlock, col: number): number {
  let ticks = 0;
  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const v = sheet.rows[r]?.[col] ?? null;
    if (v === null || v === "") continue;
    if (typeof v !== "string") return -1;
    const t = v.trim();
    if (STAGE_MARK.test(t)) ticks++;
    else if (t !== "" && !NOT_YET.test(t)) return -1;
  }
  return ticks;
}

/** The map with each stage-headed column of ticks read as a stage mark (and no longer as a date). */
export function withStageTicks(map: ColumnMap, sheet: SheetGrid, block: HeaderBlock): ColumnMap {
  if (!STAGE_MARK_FIELD || map.byField.has("stage") || map.byField.has("stage_mark")) return map;
  const candidates = [...map.byField.values()].map((m) => m.column).concat(map.unmatched);
  // Each stage-headed column scanned once: a blank one is read to the last row.
  const ticks = new Map(
    candidates
      .filter((c) => STAGE_LEAVES.has(c.leafNorm))
      .map((c) => [c.col, ticksIn(sheet, block, c.col)] as const)
  );
  // A stage no project has reached yet (投产: × or blank all the way down) is a column of marks too, once
  // a sibling holds ticks; on its own, crosses say nothing.
  const anyTicked = [...ticks.values()].some((n) => n > 0);
  const isTicks = (c: HeaderColumn): boolean => anyTicked && (ticks.get(c.col) ?? -1) >= 0;
  const fromDates = [...map.byField.values()].filter(
    (m) => DATE_KEYS.has(m.field.key) && isTicks(m.column)
  );
  const fromUnmatched = map.unmatched.filter(isTicks);
  const marked = [...fromDates.map((m) => m.column), ...fromUnmatched];
  if (marked.length === 0) return map;
  const byField = new Map(map.byField);
  for (const m of fromDates) byField.delete(m.field.key);
  const [first, ...rest] = marked
    .sort((a, b) => a.col - b.col)
    .map((column): MappedColumn => ({ field: STAGE_MARK_FIELD, column }));
  if (first) byField.set("stage_mark", first);
  return {
    ...map,
    byField,
    duplicates: [...map.duplicates, ...rest],
    unmatched: map.unmatched.filter((c) => !fromUnmatched.includes(c)),
  };
}
