/** Project identity in a ledger: the same name under the same unit is one project, however often it is listed. */
import { unitKeyAt, type LedgerColumns } from "../model/ledger-columns";
import type { LedgerRow } from "../model/tables";

/** A project's identity: the same name under the same unit is the same project, however often it is listed. */
export function projectKey(r: Pick<LedgerRow, "unitKey" | "nameKey">): string {
  return `${r.unitKey}\u0000${r.nameKey}`;
}

/**
 * A map keyed by project identity (projectKey's), held as unit → name → value so that no key string is built
 * per row: ledgers run to a million rows, and every check and count keys each one.
 */
export class ProjectMap<V> {
  private readonly byUnit = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(unitKey: string, nameKey: string): V | undefined {
    return this.byUnit.get(unitKey)?.get(nameKey);
  }

  set(unitKey: string, nameKey: string, value: V): void {
    let names = this.byUnit.get(unitKey);
    if (!names) this.byUnit.set(unitKey, (names = new Map()));
    const before = names.size;
    names.set(nameKey, value);
    this.count += names.size - before;
  }

  delete(unitKey: string, nameKey: string): void {
    if (this.byUnit.get(unitKey)?.delete(nameKey)) this.count--;
  }

  /** Every value, unit by unit, each name in the order it was first set. */
  values(): V[] {
    const out: V[] = [];
    for (const names of this.byUnit.values()) for (const v of names.values()) out.push(v);
    return out;
  }
}

const eachProjectOnce = new WeakMap<LedgerColumns, boolean>();

/**
 * Whether no two rows share a project identity (projectKey's; rows without a name share the empty one), as
 * most ledgers are. Memoised per ledger: validation and every count of the assessment ask about the same
 * ledger, and the answer lets them skip keying each of up to a million rows again.
 */
export function listsEachProjectOnce(c: LedgerColumns): boolean {
  let once = eachProjectOnce.get(c);
  if (once === undefined) {
    once = namesDiffer(c) || identitiesDiffer(c);
    eachProjectOnce.set(c, once);
  }
  return once;
}

/**
 * No name twice, whatever the unit: the quick answer for most ledgers. An open-addressing table over each
 * name's hash (taken when the name was read), holding the hash beside the row so that a name is read again only
 * when two hashes agree — not a `Set` of a million strings (three to four times the time).
 */
function namesDiffer(c: LedgerColumns): boolean {
  const names = c.nameKey;
  const hashes = c.nameHash;
  let size = 16;
  while (size < names.length * 2) size *= 2;
  const mask = size - 1;
  // Slot s holds a hash at 2s and its row + 1 at 2s + 1 (0: empty), side by side in memory.
  const table = new Int32Array(size * 2);
  for (let i = 0; i < names.length; i++) {
    const h = hashes[i] as number;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const j = (table[2 * at + 1] as number) - 1;
      if (j < 0) {
        table[2 * at] = h;
        table[2 * at + 1] = i + 1;
        break;
      }
      if (table[2 * at] === h && names[j] === names[i]) return false;
    }
  }
  return true;
}

/** No (unit, name) twice: the same name under two units is two projects. */
function identitiesDiffer(c: LedgerColumns): boolean {
  const seen = new ProjectMap<true>();
  for (let i = 0; i < c.length; i++) seen.set(unitKeyAt(c, i), c.nameKey[i] as string, true);
  return seen.size === c.length;
}
