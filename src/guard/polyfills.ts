/**
 * What the bundles call beyond their ES2022 syntax level, for the oldest supported webviews (Safari 15.0–15.3 in
 * Excel for Mac lacks all three; WebView2 and current browsers have them and skip these). Imported first by every
 * entry and the engine worker. es-check (npm run check:syntax) lists the features the bundles use.
 */
type Clonable = unknown;

function cloneData(value: Clonable, seen: Map<object, unknown>): Clonable {
  if (typeof value !== "object" || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    value.forEach((v, k) => out.set(cloneData(k, seen), cloneData(v, seen)));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    value.forEach((v) => out.add(cloneData(v, seen)));
    return out;
  }
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value))
    (out as Record<string, unknown>)[k] = cloneData(v, seen);
  return out;
}

const g = globalThis as unknown as Record<string, unknown>;

/** Plain data only (objects, arrays, Dates, Maps, Sets, RegExps): what the engine clones. */
if (typeof g.structuredClone !== "function")
  g.structuredClone = (value: Clonable) => cloneData(value, new Map());

if (typeof AbortSignal !== "undefined" && !("throwIfAborted" in AbortSignal.prototype)) {
  Object.defineProperty(AbortSignal.prototype, "throwIfAborted", {
    configurable: true,
    writable: true,
    value(this: AbortSignal) {
      if (!this.aborted) return;
      const reason: unknown = (this as { reason?: unknown }).reason;
      throw (
        reason ?? Object.assign(new Error("This operation was aborted"), { name: "AbortError" })
      );
    },
  });
}

/** Array.prototype.findLast / findLastIndex (ES2023). */
function defineArray(name: string, value: (...args: never[]) => unknown): void {
  if (!(name in Array.prototype))
    Object.defineProperty(Array.prototype, name, { configurable: true, writable: true, value });
}
defineArray("findLastIndex", function <
  T,
>(this: T[], predicate: (v: T, i: number, a: T[]) => unknown) {
  for (let i = this.length - 1; i >= 0; i--) if (predicate(this[i] as T, i, this)) return i;
  return -1;
});
defineArray("findLast", function <T>(this: T[], predicate: (v: T, i: number, a: T[]) => unknown) {
  for (let i = this.length - 1; i >= 0; i--) if (predicate(this[i] as T, i, this)) return this[i];
  return undefined;
});

export {};
