/**
 * Failures of the Office host that a user can act on, explained in both languages. Anything else Excel throws
 * passes through unchanged. The shells show `message_zh` / `message_en` as they are.
 */
export type OfficeFailure =
  | "cell_edit_mode"
  | "structure_protected"
  | "busy"
  | "sheet_too_large"
  | "cell_too_long"
  | "hidden_sheet"
  | "layout_failed"
  | "cell_refused";

export class OfficeHostError extends Error {
  override readonly name = "OfficeHostError";
  constructor(
    readonly code: OfficeFailure,
    readonly message_zh: string,
    readonly message_en: string,
    readonly sheet?: string,
    readonly cell?: string
  ) {
    super(message_en);
  }
}

/** `OfficeExtension.Error.code` of anything Office.js threw, or undefined. */
export function officeErrorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("code" in err)) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Excel refuses every batch while the user is typing in a cell ("Application-specific API error handling",
 * InvalidOperationInCellEditMode).
 */
export function cellEditMode(): OfficeHostError {
  return new OfficeHostError(
    "cell_edit_mode",
    "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再重试。",
    "Excel is editing a cell: press Enter or Esc to finish, then try again."
  );
}

export function structureProtected(): OfficeHostError {
  return new OfficeHostError(
    "structure_protected",
    "工作簿结构受保护，无法添加或替换工作表。请在“审阅 → 保护工作簿”中取消保护后重试，原有数据未作改动。",
    "The workbook's structure is protected, so no sheet can be added or replaced. Unprotect it (Review → Protect Workbook) and try again; nothing was changed."
  );
}

export function busy(): OfficeHostError {
  return new OfficeHostError(
    "busy",
    "另一次考核（任务窗格或“一键考核”）正在写入本工作簿，请等它完成后再试，本次未作改动。",
    "Another assessment (the task pane or Assess Now) is writing to this workbook. Wait for it to finish and try again; nothing was changed."
  );
}

export function hiddenSheet(sheet: string): OfficeHostError {
  return new OfficeHostError(
    "hidden_sheet",
    `工作表“${sheet}”已隐藏，无法跳转。请先取消隐藏（右键工作表标签 → 取消隐藏）。`,
    `The sheet "${sheet}" is hidden, so it cannot be shown. Unhide it first (right-click a sheet tab → Unhide).`,
    sheet
  );
}

/** Maps the codes a user can act on; everything else is rethrown as it came. */
export function explainOfficeError(err: unknown): unknown {
  if (err instanceof OfficeHostError) return err;
  if (officeErrorCode(err) === "InvalidOperationInCellEditMode") return cellEditMode();
  return err;
}
