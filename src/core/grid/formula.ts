/**
 * A small evaluator for the formulas clerks type into a report whose file carries no cached results (files written
 * by scripts and some exporters never compute them): =B4+C4, =SUM(C5:E5), ='1-8月'!C5+D5, =ROUND(F5/B5,4),
 * =SUMIFS(台账!G:G,台账!C:C,B5). Anything it does not know evaluates to undefined and the cell stays empty, as
 * before; it never guesses.
 */
import { columnIndex } from "./address";
import { callFunction } from "./formula-functions";
import {
  arith,
  compare,
  isError,
  scalar,
  textOf,
  Unsupported,
  type Area,
  type FormulaContext,
  type Value,
} from "./formula-values";
import type { CellValue } from "./types";

export type { FormulaContext } from "./formula-values";

const TOKEN =
  /\s*(?:('(?:[^']|'')+'|[A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff-]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})(?![\w(])|\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\s*("(?:[^"]|"")*")|\s*([A-Za-z][A-Za-z0-9.]*)(?=\s*\()|\s*(TRUE|FALSE)\b|\s*(<>|<=|>=|[-+*/^&=<>(),%:])/iy;

interface Token {
  readonly kind: "ref" | "num" | "str" | "fn" | "bool" | "op";
  readonly text: string;
  readonly sheet?: string;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Unsupported(text);
    const [, sheet, ref, num, str, fn, bool, op] = m;
    if (ref !== undefined) {
      const name = sheet?.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
      out.push(
        name === undefined ? { kind: "ref", text: ref } : { kind: "ref", text: ref, sheet: name }
      );
    } else if (num !== undefined) out.push({ kind: "num", text: num });
    else if (str !== undefined)
      out.push({ kind: "str", text: str.slice(1, -1).replace(/""/g, '"') });
    else if (fn !== undefined) out.push({ kind: "fn", text: fn.toUpperCase() });
    else if (bool !== undefined) out.push({ kind: "bool", text: bool.toUpperCase() });
    else out.push({ kind: "op", text: op as string });
  }
  return out;
}

function areaOf(token: Token, ctx: FormulaContext): Area {
  const sheet = token.sheet ?? null;
  const [a, b = a] = token.text.replace(/\$/g, "").split(":") as [string, string?];
  const whole = /^[A-Z]+$/.test(a);
  const cell = (ref: string, end: boolean): [number, number] => {
    if (whole) return [end ? ctx.rowCount(sheet) - 1 : 0, columnIndex(ref)];
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    return [Number(m[2]) - 1, columnIndex(m[1] as string)];
  };
  const [r1, c1] = cell(a, false);
  const [r2, c2] = cell(b as string, true);
  return {
    sheet,
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/** Recursive descent over Excel's precedence: comparison < & < + - < * / < ^ < unary < % < primary. */
class Parser {
  private at = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly ctx: FormulaContext
  ) {}

  parse(): Value {
    const v = this.comparison();
    if (this.at !== this.tokens.length) throw new Unsupported("trailing tokens");
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private eat(op: string): boolean {
    const t = this.peek();
    if (t?.kind === "op" && t.text === op) {
      this.at++;
      return true;
    }
    return false;
  }

  private comparison(): Value {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.kind !== "op" || !["=", "<>", "<", ">", "<=", ">="].includes(t.text)) return left;
      this.at++;
      left = compare(t.text, scalar(left, this.ctx), scalar(this.concat(), this.ctx));
    }
  }

  private concat(): Value {
    let left = this.additive();
    while (this.eat("&"))
      left = textOf(scalar(left, this.ctx)) + textOf(scalar(this.additive(), this.ctx));
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    for (;;) {
      if (this.eat("+")) left = arith("+", left, this.multiplicative(), this.ctx);
      else if (this.eat("-")) left = arith("-", left, this.multiplicative(), this.ctx);
      else return left;
    }
  }

  private multiplicative(): Value {
    let left = this.power();
    for (;;) {
      if (this.eat("*")) left = arith("*", left, this.power(), this.ctx);
      else if (this.eat("/")) left = arith("/", left, this.power(), this.ctx);
      else return left;
    }
  }

  private power(): Value {
    const left = this.unary();
    return this.eat("^") ? arith("^", left, this.power(), this.ctx) : left;
  }

  private unary(): Value {
    if (this.eat("-")) return arith("-", 0, this.unary(), this.ctx);
    if (this.eat("+")) return this.unary();
    let v = this.primary();
    while (this.eat("%")) v = arith("/", v, 100, this.ctx);
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.at++];
    if (!t) throw new Unsupported("end");
    if (t.kind === "num") return Number(t.text);
    if (t.kind === "str") return t.text;
    if (t.kind === "bool") return t.text === "TRUE";
    if (t.kind === "ref") return areaOf(t, this.ctx);
    if (t.kind === "fn") return this.call(t.text);
    if (t.text === "(") {
      const v = this.comparison();
      if (!this.eat(")")) throw new Unsupported("(");
      return v;
    }
    throw new Unsupported(t.text);
  }

  private call(name: string): Value {
    if (!this.eat("(")) throw new Unsupported(name);
    const args: Value[] = [];
    if (!this.eat(")")) {
      do args.push(this.comparison());
      while (this.eat(","));
      if (!this.eat(")")) throw new Unsupported(name);
    }
    return callFunction(name, args, this.ctx);
  }
}

/**
 * The value of a formula (its text without the leading "="), or undefined when it uses what this evaluator does
 * not know (a function, a name, an array, a date) — the caller leaves such a cell empty.
 * @example evaluateFormula("SUM(B2:D2)", ctx) === 12
 */
export function evaluateFormula(text: string, ctx: FormulaContext): CellValue | undefined {
  try {
    const v = new Parser(tokenize(text.replace(/^=/, "")), ctx).parse();
    const s = scalar(v, ctx);
    if (isError(s)) return { kind: "error", code: s.error };
    if (typeof s === "number" && !Number.isFinite(s)) return undefined;
    return s;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
