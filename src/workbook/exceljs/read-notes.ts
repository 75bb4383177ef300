/**
 * The notes a lenient read leaves in `WorkbookGrid.readNotes` (reported as info issues): which part could not be
 * read and what that means for the cells, in zh and en.
 */
import type { ReadNote } from "../../core/grid";

/** Damage a lenient sheet read worked around. */
export type Damage =
  | "merge-without-ref"
  | "bad-merge-ref"
  | "overlapping-merges"
  | "rows-out-of-order"
  | "rows-beyond-grid"
  | "bad-cell-address"
  | "cells-out-of-order"
  | "cells-beyond-grid"
  | "missing-shared-string";

const DAMAGE_TEXT: Readonly<Record<Damage, readonly [zh: string, en: string]>> = {
  "merge-without-ref": ["缺少地址的合并区域", "a merged range without an address"],
  "bad-merge-ref": ["地址无效的合并区域", "merged ranges with invalid addresses"],
  "overlapping-merges": [
    "相互重叠的合并区域（只保留了先出现的）",
    "overlapping merged ranges (the first was kept)",
  ],
  "rows-out-of-order": ["行号缺失或顺序错乱的行", "rows without a number or out of order"],
  "rows-beyond-grid": [
    "超出 Excel 最大行数的行（已忽略）",
    "rows beyond Excel's last row (ignored)",
  ],
  "bad-cell-address": ["地址无效的单元格", "cells with invalid addresses"],
  "cells-out-of-order": ["顺序错乱的单元格", "cells out of order"],
  "cells-beyond-grid": [
    "超出 Excel 最大列数的单元格（已忽略）",
    "cells beyond Excel's last column (ignored)",
  ],
  "missing-shared-string": [
    "引用了不存在的共享字符串的单元格（读作空白）",
    "cells pointing at missing shared strings (read as empty)",
  ],
};

export type NoteKind = "unreadable" | "truncated" | "damaged";

function unreadable(part: string): readonly [string, string] {
  if (part.endsWith("sharedStrings.xml"))
    return [
      `共享字符串表 ${part} 无法读取，文本单元格读作空白`,
      `the shared strings ${part} could not be read; text cells read as empty`,
    ];
  if (part.endsWith("styles.xml"))
    return [
      `样式表 ${part} 无法读取，数字格式未知，日期可能显示为数字`,
      `the styles ${part} could not be read; number formats are unknown, so dates may read as numbers`,
    ];
  if (part.endsWith(".rels"))
    return [
      `关系表 ${part} 无法读取，已按默认位置查找工作表`,
      `the relationships ${part} could not be read; sheets were looked up at their usual places`,
    ];
  return [`${part} 无法读取，已跳过`, `${part} could not be read and was skipped`];
}

/** The note for one part; `damage` lists what a lenient sheet read worked around. */
export function noteFor(
  part: string,
  sheet: string | undefined,
  kind: NoteKind,
  damage: readonly Damage[] = []
): ReadNote {
  let zh: string;
  let en: string;
  if (kind === "unreadable") [zh, en] = unreadable(part);
  else if (kind === "truncated") {
    zh = `工作表「${sheet ?? ""}」(${part}) 已损坏，只读取了损坏处之前的单元格`;
    en = `sheet "${sheet ?? ""}" (${part}) is damaged; only the cells before the damage were read`;
  } else {
    zh = `工作表「${sheet ?? ""}」(${part}) 有损坏，已尽量读取：${damage.map((d) => DAMAGE_TEXT[d][0]).join("；")}`;
    en = `sheet "${sheet ?? ""}" (${part}) is damaged and was read as far as possible: ${damage.map((d) => DAMAGE_TEXT[d][1]).join("; ")}`;
  }
  return {
    ...(sheet === undefined ? {} : { sheet }),
    part,
    message_zh: `${zh}；其余单元格已照常读取。`,
    message_en: `${en}; the other cells were read as usual.`,
  };
}
