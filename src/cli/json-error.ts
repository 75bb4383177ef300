/**
 * Where a JSON text first goes wrong, as a line and column, found without quoting the text: a rules file given by
 * mistake (`--rules /etc/shadow`) must be named with the position of the problem, never echoed. JSON.parse's own
 * messages quote the input ("Unexpected token 'r', "root:x:0:0…" is not valid JSON").
 */

export interface JsonErrorPosition {
  /** 1-based line and column (in UTF-16 code units, as editors count). */
  readonly line: number;
  readonly column: number;
}

class Fail extends Error {
  constructor(readonly at: number) {
    super("json");
  }
}

/** Offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  const cursor = new JsonCursor(text);
  try {
    cursor.value(0);
    cursor.ws();
    return cursor.i < text.length ? cursor.i : -1;
  } catch (err) {
    if (err instanceof Fail) return err.at;
    throw err;
  }
}

/** A recursive-descent walk over JSON's grammar that only moves forward and throws {@link Fail} where it stops. */
class JsonCursor {
  i = 0;

  constructor(private readonly text: string) {}

  ws(): void {
    const { text } = this;
    while (this.i < text.length && " \t\n\r".includes(text[this.i] as string)) this.i++;
  }

  value(depth: number): void {
    if (depth > 512) throw new Fail(this.i);
    this.ws();
    const ch = this.text[this.i];
    if (ch === "{") return this.object(depth);
    if (ch === "[") return this.array(depth);
    if (ch === '"') return this.string();
    if (ch === "t") return this.literal("true");
    if (ch === "f") return this.literal("false");
    if (ch === "n") return this.literal("null");
    this.number();
  }

  private object(depth: number): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === "}") return void this.i++;
    for (;;) {
      this.ws();
      this.string();
      this.ws();
      this.expect(":");
      this.value(depth + 1);
      this.ws();
      if (this.text[this.i] === "}") return void this.i++;
      this.expect(",");
    }
  }

  private array(depth: number): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === "]") return void this.i++;
    for (;;) {
      this.value(depth + 1);
      this.ws();
      if (this.text[this.i] === "]") return void this.i++;
      this.expect(",");
    }
  }

  private string(): void {
    const { text } = this;
    this.expect('"');
    for (;;) {
      if (this.i >= text.length) throw new Fail(this.i);
      const ch = text.charCodeAt(this.i);
      if (ch === 34) {
        this.i++;
        return;
      }
      if (ch < 32) throw new Fail(this.i);
      if (ch === 92) this.escape();
      else this.i++;
    }
  }

  private escape(): void {
    const esc = this.text[this.i + 1];
    if (esc === "u") {
      if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) throw new Fail(this.i);
      this.i += 6;
    } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) this.i += 2;
    else throw new Fail(this.i);
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!m || m[0] === "" || m[0] === "-") throw new Fail(this.i);
    this.i += m[0].length;
  }

  private literal(word: string): void {
    for (const ch of word) this.expect(ch);
  }

  private expect(ch: string): void {
    if (this.text[this.i] !== ch) throw new Fail(this.i);
    this.i++;
  }
}

/** Line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): JsonErrorPosition {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
