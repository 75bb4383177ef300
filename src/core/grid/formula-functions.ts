/**
 * The worksheet functions the evaluator knows (formula.ts): the sums, counts, rounding and conditions of a
 * bureau's report, the conditional sums over a ledger, lookups (VLOOKUP, HLOOKUP, INDEX, MATCH) and dates.
 * Anything else is Unsupported: the cell stays empty.
 */
import { dateToSerial, serialToDate, type DateSystem } from "./excel-date";
import {
  cellScalar,
  isArea,
  isError,
  lastRow,
  NOT_AVAILABLE,
  numberOf,
  numbersOf,
  order,
  scalar,
  truthOf,
  Unsupported,
  compare,
  type Area,
  type FormulaContext,
  type FormulaError,
  type Scalar,
  type ScalarOrError,
  type Value,
} from "./formula-values";

type Test = (v: ScalarOrError) => boolean;

/** A COUNTIF criterion: "甲县", ">=5000", 5000. */
function criterion(c: ScalarOrError): Test {
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
  const pairs: [Area, Test][] = [];
  for (let i = pairsFrom; i + 1 < args.length; i += 2) {
    const range = args[i] as Value;
    if (!isArea(range)) throw new Unsupported("criteria range");
    pairs.push([range, criterion(scalar(args[i + 1] as Value, ctx))]);
  }
  const first = pairs[0]?.[0];
  if (!first) throw new Unsupported("no criteria");
  if (sum !== null && !isArea(sum)) throw new Unsupported("sum range");
  const bottom = lastRow(first, ctx);
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

/** The cells of one row or one column of an area, as a lookup walks them (bounded by the sheet's rows). */
function line(a: Area, ctx: FormulaContext, across: boolean): ScalarOrError[] {
  const out: ScalarOrError[] = [];
  if (across)
    for (let c = a.left; c <= a.right; c++) out.push(cellScalar(ctx.value(a.sheet, a.top, c)));
  else
    for (let r = a.top; r <= lastRow(a, ctx); r++)
      out.push(cellScalar(ctx.value(a.sheet, r, a.left)));
  return out;
}

/**
 * Where a value stands in a row or column (0-based), -1 when absent. `mode` 0: equal (text without case);
 * 1: the last value ≤ it, −1: the last value ≥ it, as Excel finds them in sorted data (values of another kind
 * skipped).
 */
function position(sought: Scalar, cells: readonly ScalarOrError[], mode: number): number {
  if (typeof sought === "string" && /[*?~]/.test(sought)) throw new Unsupported("wildcard");
  let found = -1;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i] as ScalarOrError;
    if (isError(v) || v === null || typeof v !== typeof sought) continue;
    const c = order(v, sought);
    if (mode === 0) {
      if (c === 0) return i;
    } else if (mode > 0 ? c <= 0 : c >= 0) found = i;
    else break;
  }
  return found;
}

/** VLOOKUP / HLOOKUP: the table's `index`-th column (row) at the sought value's row (column). */
function lookup(args: readonly Value[], ctx: FormulaContext, across: boolean): Value {
  const [soughtArg, table, indexArg, exactArg] = args;
  if (!table || !isArea(table) || indexArg === undefined) throw new Unsupported("lookup");
  const sought = scalar(soughtArg ?? null, ctx);
  if (isError(sought)) return sought;
  const index = scalar(indexArg, ctx);
  if (isError(index)) return index;
  const k = Math.trunc(numberOf(index)) - 1;
  const width = across ? lastRow(table, ctx) - table.top : table.right - table.left;
  if (k < 0 || k > width) return { error: k < 0 ? "#VALUE!" : "#REF!" };
  const approx = exactArg === undefined ? true : scalar(exactArg, ctx);
  if (isError(approx)) return approx;
  const keys = line(table, ctx, across);
  const at = position(sought, keys, truthOf(approx) ? 1 : 0);
  if (at < 0) return NOT_AVAILABLE;
  return across
    ? cellScalar(ctx.value(table.sheet, table.top + k, table.left + at))
    : cellScalar(ctx.value(table.sheet, table.top + at, table.left + k));
}

function match(args: readonly Value[], ctx: FormulaContext): Value {
  const [soughtArg, range, modeArg] = args;
  if (!range || !isArea(range)) throw new Unsupported("match range");
  const sought = scalar(soughtArg ?? null, ctx);
  if (isError(sought)) return sought;
  const mode = modeArg === undefined ? 1 : scalar(modeArg, ctx);
  if (isError(mode)) return mode;
  const across = range.top === range.bottom && range.left !== range.right;
  if (!across && range.left !== range.right) return NOT_AVAILABLE;
  const at = position(sought, line(range, ctx, across), Math.sign(numberOf(mode)));
  return at < 0 ? NOT_AVAILABLE : at + 1;
}

/** INDEX(area, row, [column]): the cell as a reference (0 takes the whole column or row). */
function index(args: readonly Value[], ctx: FormulaContext): Value {
  const [area, rowArg, colArg] = args;
  if (!area || !isArea(area) || rowArg === undefined) throw new Unsupported("index");
  const r = scalar(rowArg, ctx);
  const c = colArg === undefined ? 0 : scalar(colArg, ctx);
  if (isError(r)) return r;
  if (isError(c)) return c;
  const oneRow = area.top === area.bottom;
  // INDEX(B2:F2, 3) is the third cell of a single row.
  let [dr, dc] = [Math.trunc(numberOf(r)), Math.trunc(numberOf(c))];
  if (oneRow && colArg === undefined) [dr, dc] = [1, dr];
  if (dr < 0 || dc < 0 || area.top + dr - 1 > area.bottom || area.left + dc - 1 > area.right)
    return { error: "#REF!" };
  const singleColumn = area.left === area.right;
  return {
    sheet: area.sheet,
    top: dr === 0 ? area.top : area.top + dr - 1,
    bottom: dr === 0 ? area.bottom : area.top + dr - 1,
    left: dc === 0 && !singleColumn ? area.left : area.left + Math.max(dc, 1) - 1,
    right: dc === 0 && !singleColumn ? area.right : area.left + Math.max(dc, 1) - 1,
  };
}

/** SUMPRODUCT of areas of one size: the sum of their cells' products, text and blanks as 0. */
function sumProduct(args: readonly Value[], ctx: FormulaContext): Value {
  const areas = args.map((a) => {
    if (!isArea(a)) throw new Unsupported("sumproduct of values");
    return a;
  });
  const first = areas[0];
  if (!first) throw new Unsupported("sumproduct");
  const rows = first.bottom - first.top;
  const cols = first.right - first.left;
  if (areas.some((a) => a.bottom - a.top !== rows || a.right - a.left !== cols))
    return { error: "#VALUE!" };
  const bottom = Math.min(rows, Math.max(...areas.map((a) => lastRow(a, ctx) - a.top)));
  let total = 0;
  for (let dr = 0; dr <= bottom; dr++)
    for (let dc = 0; dc <= cols; dc++) {
      let p = 1;
      for (const a of areas) {
        const v = cellScalar(ctx.value(a.sheet, a.top + dr, a.left + dc));
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      total += p;
    }
  return total;
}

/** A date's part (YEAR / MONTH / DAY) from its serial number. */
function datePart(v: ScalarOrError, part: "YEAR" | "MONTH" | "DAY", system: DateSystem): Value {
  if (isError(v)) return v;
  const d = serialToDate(numberOf(v), system);
  if (Number.isNaN(d.getTime())) return { error: "#VALUE!" };
  if (part === "YEAR") return d.getUTCFullYear();
  return part === "MONTH" ? d.getUTCMonth() + 1 : d.getUTCDate();
}

/** DATE(year, month, day) as a serial number; months and days beyond their range roll over, as in Excel. */
function date(args: readonly ScalarOrError[], system: DateSystem): Value {
  const [y, m, d] = args;
  for (const a of [y, m, d]) if (a === undefined) throw new Unsupported("date");
  const parts: number[] = [];
  for (const a of [y, m, d] as ScalarOrError[]) {
    if (isError(a)) return a;
    parts.push(Math.trunc(numberOf(a)));
  }
  const [year, month, day] = parts as [number, number, number];
  const full = year < 1900 ? year + 1900 : year;
  return dateToSerial(new Date(Date.UTC(full, month - 1, day)), system);
}

function logical(name: string, args: readonly Value[], ctx: FormulaContext): Value {
  const truths: boolean[] = [];
  for (const a of args) {
    const v = scalar(a, ctx);
    if (isError(v)) return v;
    truths.push(truthOf(v));
  }
  if (name === "NOT") return !(truths[0] ?? false);
  return name === "AND" ? truths.every(Boolean) : truths.some(Boolean);
}

function rounding(name: string, args: readonly Value[], ctx: FormulaContext): Value {
  const x = scalar(args[0] ?? null, ctx);
  if (isError(x)) return x;
  const n = numberOf(x);
  if (name === "ABS") return Math.abs(n);
  if (name === "INT") return Math.floor(n);
  const y = args.length > 1 ? scalar(args[1] as Value, ctx) : 0;
  if (isError(y)) return y;
  const digits = numberOf(y);
  if (name === "MOD")
    return digits === 0 ? { error: "#DIV/0!" } : n - digits * Math.floor(n / digits);
  const f = 10 ** digits;
  const mode = name === "ROUND" ? Math.round : name === "ROUNDUP" ? Math.ceil : Math.trunc;
  return (Math.sign(n) * mode(Math.abs(n) * f)) / f;
}

function choices(name: string, args: readonly Value[], ctx: FormulaContext): Value {
  const one = (i: number): ScalarOrError => scalar(args[i] ?? null, ctx);
  if (name === "IFERROR") {
    const v = one(0);
    return isError(v) ? (args[1] ?? 0) : v;
  }
  if (name === "IFNA") {
    const v = one(0);
    return isError(v) && v.error === NOT_AVAILABLE.error ? (args[1] ?? 0) : v;
  }
  if (name === "IF") {
    const c = one(0);
    if (isError(c)) return c;
    return truthOf(c) ? (args[1] ?? true) : (args[2] ?? false);
  }
  // IFS(condition, value, …): the value of the first condition that holds, #N/A when none does.
  for (let i = 0; i + 1 < args.length; i += 2) {
    const c = one(i);
    if (isError(c)) return c;
    if (truthOf(c)) return args[i + 1] as Value;
  }
  return NOT_AVAILABLE;
}

function aggregate(name: string, args: readonly Value[], ctx: FormulaContext): Value {
  const xs = numbersOf(args, ctx);
  if (!Array.isArray(xs)) return xs as FormulaError;
  const sum = xs.reduce((s, x) => s + x, 0);
  switch (name) {
    case "SUM":
      return sum;
    case "AVERAGE":
      return xs.length ? sum / xs.length : { error: "#DIV/0!" };
    case "MIN":
      return xs.length ? Math.min(...xs) : 0;
    case "MAX":
      return xs.length ? Math.max(...xs) : 0;
    default:
      return xs.length;
  }
}

/** The functions by name, each given its arguments unevaluated into scalars (areas stay areas). */
const FUNCTIONS: Readonly<
  Record<string, (args: readonly Value[], ctx: FormulaContext, name: string) => Value>
> = {
  SUM: (a, c, n) => aggregate(n, a, c),
  AVERAGE: (a, c, n) => aggregate(n, a, c),
  MIN: (a, c, n) => aggregate(n, a, c),
  MAX: (a, c, n) => aggregate(n, a, c),
  COUNT: (a, c, n) => aggregate(n, a, c),
  ABS: (a, c, n) => rounding(n, a, c),
  INT: (a, c, n) => rounding(n, a, c),
  MOD: (a, c, n) => rounding(n, a, c),
  ROUND: (a, c, n) => rounding(n, a, c),
  ROUNDUP: (a, c, n) => rounding(n, a, c),
  ROUNDDOWN: (a, c, n) => rounding(n, a, c),
  IF: (a, c, n) => choices(n, a, c),
  IFS: (a, c, n) => choices(n, a, c),
  IFERROR: (a, c, n) => choices(n, a, c),
  IFNA: (a, c, n) => choices(n, a, c),
  AND: (a, c, n) => logical(n, a, c),
  OR: (a, c, n) => logical(n, a, c),
  NOT: (a, c, n) => logical(n, a, c),
  COUNTIF: (a, c) => conditional(a, c, null, 0),
  COUNTIFS: (a, c) => conditional(a, c, null, 0),
  SUMIF: (a, c) => conditional([a[0] as Value, a[1] as Value], c, a[2] ?? a[0] ?? null, 0),
  SUMIFS: (a, c) => conditional(a, c, a[0] ?? null, 1),
  SUMPRODUCT: sumProduct,
  VLOOKUP: (a, c) => lookup(a, c, false),
  HLOOKUP: (a, c) => lookup(a, c, true),
  MATCH: match,
  INDEX: index,
  DATE: (a, c) =>
    date(
      a.map((v) => scalar(v, c)),
      c.dateSystem ?? 1900
    ),
  YEAR: (a, c, n) => datePart(scalar(a[0] ?? null, c), n as "YEAR", c.dateSystem ?? 1900),
  MONTH: (a, c, n) => datePart(scalar(a[0] ?? null, c), n as "MONTH", c.dateSystem ?? 1900),
  DAY: (a, c, n) => datePart(scalar(a[0] ?? null, c), n as "DAY", c.dateSystem ?? 1900),
};

export function callFunction(name: string, args: readonly Value[], ctx: FormulaContext): Value {
  const f = FUNCTIONS[name];
  if (!f) throw new Unsupported(name);
  return f(args, ctx, name);
}
