/**
 * Text a workbook supplies (unit names, sheet names, cell text inside issue messages, file names) reaches the
 * terminal only with its control characters escaped: a cell holding ESC ] 0 ; … BEL would otherwise retitle the
 * window, ESC [ 2 J clear the screen, OSC 52 write the clipboard, a C1 CSI (U+009B) or a bidi override reorder
 * what the reader sees. Every such character is written as a \uXXXX escape, which is also valid inside a JSON
 * string, so the same guard serves `--json` output without changing the data it carries.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, line/paragraph separators and bidi formatting marks. */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, and line feeds and tabs: for one field of a line (a name, a message) that must stay one line. */
const UNSAFE_IN_LINE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Escapes every control character except line feed and tab. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Longest field a human-readable line shows: a 40,000-character unit name would bury the report. */
export const MAX_FIELD_CHARS = 1000;

/**
 * Escapes every control character, line feeds and tabs included: the text stays on its line. Text past
 * `max` characters is cut with an ellipsis and its full length (--json carries it whole).
 */
export function escapeLine(text: string, max = MAX_FIELD_CHARS): string {
  const shown =
    text.length > max
      ? `${text.slice(0, max)}…（共 ${text.length} 字 / ${text.length} characters）`
      : text;
  return shown.replace(UNSAFE_IN_LINE, escape);
}

type Write = NodeJS.WriteStream["write"];

/**
 * Makes every write to `stream` go through escapeControls until the returned function is called. Installed once
 * around a CLI command, so no printing path (reports, usage, error messages naming a path) can forget it.
 */
export function guardStream(stream: NodeJS.WriteStream): () => void {
  const original = stream.write;
  const decoder = new TextDecoder();
  const guarded = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const text =
      typeof chunk === "string"
        ? chunk
        : chunk instanceof Uint8Array
          ? decoder.decode(chunk)
          : String(chunk);
    return (original as (...args: unknown[]) => boolean).call(this, escapeControls(text), ...rest);
  } as Write;
  stream.write = guarded;
  return () => {
    if (stream.write === guarded) stream.write = original;
  };
}
