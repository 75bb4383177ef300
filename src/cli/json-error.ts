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
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const expect = (ch: string): void => {
    if (text[i] !== ch) throw new Fail(i);
    i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) expect(ch);
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length) throw new Fail(i);
      const ch = text.charCodeAt(i);
      if (ch === 34) {
        i++;
        return;
      }
      if (ch < 32) throw new Fail(i);
      if (ch === 92) {
        const esc = text[i + 1];
        if (esc === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i);
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else throw new Fail(i);
      } else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") throw new Fail(i);
    i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) throw new Fail(i);
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        string();
        ws();
        expect(":");
        value(depth + 1);
        ws();
        if (text[i] === "}") return void i++;
        expect(",");
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === "]") return void i++;
        expect(",");
      }
    }
    if (ch === '"') return string();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : -1;
  } catch (err) {
    if (err instanceof Fail) return err.at;
    throw err;
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
