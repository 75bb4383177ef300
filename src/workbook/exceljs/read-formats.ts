/**
 * A sheet's number formats by A1 address, as the streaming reader collects them: a ledger's date columns give one
 * format per row (about 130,000 at 100k rows), and building their address strings into a Map cost a tenth of the
 * whole read, while the engine asks for them only on the small sheets it reads figures from. So the cells are kept
 * as numbers and the Map is built the first time anything reads it — the same entries in the same order.
 */
import { columnLetters } from "./read-bounds";

export class CellFormats implements ReadonlyMap<string, string> {
  private rows = new Int32Array(256);
  private cols = new Int32Array(256);
  private ids = new Int32Array(256);
  private count = 0;
  private readonly formats: string[] = [];
  private readonly idOf = new Map<string, number>();
  private readonly deleted: string[] = [];
  private built: Map<string, string> | null = null;

  /** The format of the cell at 0-based `row`, 1-based `col` (a later one for the same cell wins, as Map.set). */
  set(row: number, col: number, format: string): void {
    if (this.built) {
      this.built.set(columnLetters(col) + String(row + 1), format);
      return;
    }
    let id = this.idOf.get(format);
    if (id === undefined) {
      id = this.formats.push(format) - 1;
      this.idOf.set(format, id);
    }
    if (this.count === this.rows.length) this.grow();
    this.rows[this.count] = row;
    this.cols[this.count] = col;
    this.ids[this.count] = id;
    this.count++;
  }

  delete(address: string): void {
    if (this.built) this.built.delete(address);
    else this.deleted.push(address);
  }

  private grow(): void {
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.rows = bigger(this.rows);
    this.cols = bigger(this.cols);
    this.ids = bigger(this.ids);
  }

  private get map(): Map<string, string> {
    if (this.built) return this.built;
    const map = new Map<string, string>();
    const letters: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const col = this.cols[i] as number;
      const key = (letters[col] ??= columnLetters(col)) + String((this.rows[i] as number) + 1);
      map.set(key, this.formats[this.ids[i] as number] as string);
    }
    for (const address of this.deleted) map.delete(address);
    this.rows = this.cols = this.ids = new Int32Array(0);
    this.built = map;
    return map;
  }

  get size(): number {
    return this.map.size;
  }
  get(address: string): string | undefined {
    return this.map.get(address);
  }
  has(address: string): boolean {
    return this.map.has(address);
  }
  forEach(
    callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown
  ): void {
    this.map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): MapIterator<string> {
    return this.map.keys();
  }
  values(): MapIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.map[Symbol.iterator]();
  }
}
