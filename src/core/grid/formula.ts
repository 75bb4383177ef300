/**
 * A small evaluator for the formulas clerks type into a report whose file carries no cached results (files written
 * by scripts and some exporters never compute them): =B4+C4, =SUM(C5:E5), ='1-8月'!C5+D5, =ROUND(F5/B5,4),
 * =SUMIFS(台账!G:G,台账!C:C,B5). Anything it does not know evaluates to undefined and the cell stays empty, as
 * before; it never guesses.
 */
import { columnIndex } from "./address";
import type { CellValue } from "./types";

/** What a formula may read: a cell of a sheet (null: the formula's own sheet), and a sheet's row count. */
export interface FormulaContext {
  value(sheet: string | null, row: number, col: number): CellValue;
  rowCount(sheet: string | null): number;
}

type Scalar = number | string | boolean | null;
interface Area {
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
type Value = Scalar | Area | { readonly error: string };

class Unsupported extends Error {}

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

function isArea(v: Value): v is Area {
  return typeof v === "object" && v !== null && "top" in v;
}

function isError(v: Value): v is { readonly error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

function cellScalar(v: CellValue): Scalar | { readonly error: string } {
  if (v instanceof Date) throw new Unsupported("date");
  if (typeof v === "object" && v !== null) return { error: v.code };
  return v;
}

/** A single value: a one-cell area reads its cell; a larger one is not a scalar here. */
function scalar(v: Value, ctx: FormulaContext): Scalar | { readonly error: string } {
  if (!isArea(v)) return v;
  if (v.top !== v.bottom || v.left !== v.right) throw new Unsupported("range as a value");
  return cellScalar(ctx.value(v.sheet, v.top, v.left));
}

function numberOf(v: Scalar): number {
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  if (v.trim() === "" || Number.isNaN(n)) throw new Unsupported("text in arithmetic");
  return n;
}

function textOf(v: Scalar | { readonly error: string }): string {
  if (typeof v === "object" && v !== null) throw new Unsupported("error in text");
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function arith(op: string, a: Value, b: Value, ctx: FormulaContext): Value {
  const x = scalar(a, ctx);
  const y = scalar(b, ctx);
  if (isError(x)) return x;
  if (isError(y)) return y;
  const p = numberOf(x);
  const q = numberOf(y);
  if (op === "+") return p + q;
  if (op === "-") return p - q;
  if (op === "*") return p * q;
  if (op === "/") return q === 0 ? { error: "#DIV/0!" } : p / q;
  return p ** q;
}

function compare(op: string, a: Scalar | { error: string }, b: Scalar | { error: string }): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const x = typeof a === "string" ? a.toLowerCase() : (a ?? 0);
  const y = typeof b === "string" ? b.toLowerCase() : (b ?? 0);
  const c = x === y ? 0 : x < y ? -1 : 1;
  const table: Record<string, boolean> = {
    "=": c === 0,
    "<>": c !== 0,
    "<": c < 0,
    ">": c > 0,
    "<=": c <= 0,
    ">=": c >= 0,
  };
  return table[op] as boolean;
}

/** The cells of an area, or the value itself, in reading order. */
function* cellsOf(v: Value, ctx: FormulaContext): Generator<Scalar | { readonly error: string }> {
  if (!isArea(v)) {
    yield v;
    return;
  }
  const bottom = Math.min(v.bottom, ctx.rowCount(v.sheet) - 1);
  for (let r = v.top; r <= bottom; r++)
    for (let c = v.left; c <= v.right; c++) yield cellScalar(ctx.value(v.sheet, r, c));
}

/** Numbers of the arguments as SUM reads them: numbers in areas, numbers and numeric text given directly. */
function numbersOf(args: readonly Value[], ctx: FormulaContext): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args)
    for (const v of cellsOf(a, ctx)) {
      if (isError(v)) return v;
      if (typeof v === "number") out.push(v);
      else if (!isArea(a) && v !== null) out.push(numberOf(v));
    }
  return out;
}

/** A COUNTIF criterion: "甲县", ">=5000", 5000. */
function criterion(c: Scalar | { error: string }): (v: Scalar | { error: string }) => boolean {
  if (isError(c)) throw new Unsupported("error criterion");
  const m = typeof c === "string" ? /^(<>|<=|>=|=|<|>)(.*)$/.exec(c) : null;
  const op = m ? (m[1] as string) : "=";
  const raw: Scalar = m ? (m[2] as string) : c;
  const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  const target: Scalar = Number.isNaN(n) ? raw : n;
  if (typeof target === "string" && /[*?~]/.test(target)) throw new Unsupported("wildcard");
  return (v) => {
    if (isError(v)) return false;
    if (typeof target === "number" && typeof v !== "number") return op === "<>";
    if (typeof target === "string" && typeof v !== "string")
      return op === "<>" ? true : target === "" && v === null && op === "=";
    return compare(op, v, target) === true;
  };
}

function conditional(
  args: readonly Value[],
  ctx: FormulaContext,
  sum: Value | null,
  pairsFrom: number
): Value {
  const pairs: [Area, (v: Scalar | { error: string }) => boolean][] = [];
  for (let i = pairsFrom; i + 1 < args.length; i += 2) {
    const range = args[i] as Value;
    if (!isArea(range)) throw new Unsupported("criteria range");
    pairs.push([range, criterion(scalar(args[i + 1] as Value, ctx))]);
  }
  const first = pairs[0]?.[0];
  if (!first) throw new Unsupported("no criteria");
  if (sum !== null && !isArea(sum)) throw new Unsupported("sum range");
  const bottom = Math.min(first.bottom, ctx.rowCount(first.sheet) - 1);
  let total = 0;
  for (let dr = 0; dr <= bottom - first.top; dr++)
    for (let dc = 0; dc <= first.right - first.left; dc++) {
      const ok = pairs.every(([a, test]) =>
        test(cellScalar(ctx.value(a.sheet, a.top + dr, a.left + dc)))
      );
      if (!ok) continue;
      if (sum === null) total++;
      else {
        const v = cellScalar(ctx.value(sum.sheet, sum.top + dr, sum.left + dc));
        if (typeof v === "number") total += v;
      }
    }
  return total;
}

function callFunction(name: string, args: readonly Value[], ctx: FormulaContext): Value {
  const nums = (): number[] | { error: string } => numbersOf(args, ctx);
  const reduce = (f: (xs: number[]) => Value): Value => {
    const xs = nums();
    return Array.isArray(xs) ? f(xs) : xs;
  };
  const one = (i: number): Scalar | { error: string } => scalar(args[i] ?? null, ctx);
  switch (name) {
    case "SUM":
      return reduce((xs) => xs.reduce((s, x) => s + x, 0));
    case "AVERAGE":
      return reduce((xs) =>
        xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : { error: "#DIV/0!" }
      );
    case "MIN":
      return reduce((xs) => (xs.length ? Math.min(...xs) : 0));
    case "MAX":
      return reduce((xs) => (xs.length ? Math.max(...xs) : 0));
    case "COUNT":
      return reduce((xs) => xs.length);
    case "ABS":
    case "ROUND":
    case "ROUNDUP":
    case "ROUNDDOWN": {
      const x = one(0);
      if (isError(x)) return x;
      const n = numberOf(x);
      if (name === "ABS") return Math.abs(n);
      const digits = args.length > 1 ? numberOf(one(1) as Scalar) : 0;
      const f = 10 ** digits;
      const mode = name === "ROUND" ? Math.round : name === "ROUNDUP" ? Math.ceil : Math.trunc;
      return (Math.sign(n) * mode(Math.abs(n) * f)) / f;
    }
    case "IF": {
      const c = one(0);
      if (isError(c)) return c;
      const yes = typeof c === "string" ? c !== "" : numberOf(c) !== 0;
      return yes ? (args[1] ?? true) : (args[2] ?? false);
    }
    case "IFERROR": {
      const v = one(0);
      return isError(v) ? (args[1] ?? 0) : v;
    }
    case "COUNTIF":
    case "COUNTIFS":
      return conditional(args, ctx, null, 0);
    case "SUMIF":
      return conditional([args[0] as Value, args[1] as Value], ctx, args[2] ?? args[0] ?? null, 0);
    case "SUMIFS":
      return conditional(args, ctx, args[0] ?? null, 1);
    default:
      throw new Unsupported(name);
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
