/** Data validation and conditional formats (data bars), written into the ExcelJS model at sync. */
import type ExcelJS from "exceljs";
import { rangeToA1 } from "../../src/core/grid";
import type { EmulatorSession } from "./context";
import type { FormatTarget } from "./range-format";

interface ValidationState {
  ignoreBlanks: boolean;
  source: string | null;
  inCellDropDown: boolean;
  alert: boolean;
  alertStyle: string;
  prompt: string | null;
}

type Validations = {
  dataValidations: {
    add(range: string, v: ExcelJS.DataValidation): void;
    model: Record<string, ExcelJS.DataValidation>;
  };
};

export class DataValidationProxy {
  private readonly state: ValidationState = {
    ignoreBlanks: true,
    source: null,
    inCellDropDown: true,
    alert: true,
    alertStyle: "Stop",
    prompt: null,
  };
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget
  ) {}

  private update(payload: unknown, patch: Partial<ValidationState>): void {
    this.session.require("1.8", "Range.dataValidation");
    this.session.queue(payload, () => {
      Object.assign(this.state, patch);
      const s = this.state;
      if (s.source === null) return;
      const formula = s.source.startsWith("=") ? s.source.slice(1) : `"${s.source}"`;
      const ws = this.target.sheet() as unknown as Validations;
      for (const r of this.target.rects()) {
        ws.dataValidations.add(rangeToA1(r), {
          type: "list",
          allowBlank: s.ignoreBlanks,
          formulae: [formula],
          showErrorMessage: s.alert,
          errorStyle: s.alertStyle.toLowerCase(),
          ...(s.prompt === null ? {} : { showInputMessage: true, prompt: s.prompt }),
        });
      }
    });
  }

  set ignoreBlanks(v: boolean) {
    this.update(v, { ignoreBlanks: v });
  }
  set rule(rule: Excel.DataValidationRule) {
    const list = rule.list;
    if (!list) throw new Error("emulator supports list validation only");
    this.update(rule, { source: list.source as string, inCellDropDown: list.inCellDropDown });
  }
  set errorAlert(a: Excel.DataValidationErrorAlert) {
    this.update(a, { alert: a.showAlert ?? true, alertStyle: String(a.style ?? "Stop") });
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.update(p, { prompt: p.showPrompt ? (p.message ?? "") : null });
  }
}

interface DataBarRule {
  type: "dataBar";
  priority: number;
  cfvo: Array<{ type: string }>;
  color: { argb: string };
  gradient: boolean;
}

class BarFormat {
  constructor(
    private readonly session: EmulatorSession,
    private readonly rule: () => DataBarRule
  ) {}
  set fillColor(v: string) {
    this.session.queue(v, () => {
      this.rule().color = { argb: `FF${v.replace(/^#/, "").toUpperCase()}` };
    });
  }
  set gradientFill(v: boolean) {
    this.session.queue(v, () => {
      this.rule().gradient = v;
    });
  }
}

export class ConditionalFormatProxy {
  private made: DataBarRule | null = null;
  readonly dataBar: { readonly positiveFormat: BarFormat };
  constructor(session: EmulatorSession, target: FormatTarget) {
    session.queue("DataBar", () => {
      const ws = target.sheet();
      const existing =
        (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
      const rule: DataBarRule = {
        type: "dataBar",
        priority: existing.length + 1,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: "FF638EC6" },
        gradient: true,
      };
      ws.addConditionalFormatting({
        ref: target.rects().map(rangeToA1).join(" "),
        rules: [rule as unknown as ExcelJS.DataBarRuleType],
      });
      this.made = rule;
    });
    const rule = () => {
      if (!this.made) throw new Error("conditional format not created yet");
      return this.made;
    };
    this.dataBar = { positiveFormat: new BarFormat(session, rule) };
  }
}

export class ConditionalFormatsProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget
  ) {}
  add(type: string): ConditionalFormatProxy {
    this.session.require("1.6", "conditionalFormats.add");
    if (type !== "DataBar") throw new Error(`emulator supports DataBar only, not ${type}`);
    return new ConditionalFormatProxy(this.session, this.target);
  }
}
