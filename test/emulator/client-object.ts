/** Base of every proxy: scalar properties throw PropertyNotLoaded until load() + sync(), writes are queued. */
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";

export abstract class EmuClientObject {
  private readonly loaded = new Map<string, unknown>();

  constructor(protected readonly session: EmulatorSession) {}

  /** Current value of a loadable property, read from the workbook at sync time. */
  protected abstract fetchProperty(name: string): unknown;
  protected abstract readonly loadable: readonly string[];

  load(names?: string | string[] | Record<string, unknown>): this {
    const list = normaliseNames(names, this.loadable);
    for (const name of list) {
      if (!this.loadable.includes(name))
        throw new EmulatorError("InvalidArgument", `cannot load ${name}`);
    }
    // Like Office.js, any load of an ...OrNullObject proxy also tells whether it is null.
    if (this.loadable.includes("isNullObject") && !list.includes("isNullObject"))
      list.push("isNullObject");
    let snapshot = new Map<string, unknown>();
    this.session.queueLoad(
      () => {
        snapshot = new Map(list.map((n) => [n, this.fetchProperty(n)]));
        return Object.fromEntries(snapshot);
      },
      () => {
        for (const [k, v] of snapshot) this.loaded.set(k, v);
      },
      list
    );
    return this;
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new EmulatorError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Call load() and sync() first.`
      );
    }
    return this.loaded.get(name) as T;
  }

  /** Used by collections: items are proxies whose properties were fetched with the collection. */
  preload(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export function normaliseNames(
  names: string | string[] | Record<string, unknown> | undefined,
  all: readonly string[]
): string[] {
  if (names === undefined) return [...all];
  if (typeof names === "string")
    return names
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(names)) return names;
  return Object.keys(names);
}
