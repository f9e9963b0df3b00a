/**
 * What one version of a file hands on to the next version parsed from it (model.ts): a slot for each
 * whole-file check that can tell when its input is unchanged and then reuse its last result. A slot
 * holds plain data and per-service facts, or the per-service lists of the last version that filled it
 * (the version being edited, alive anyway), never an older version's tree or text: the lineage lives
 * as long as its file's newest version, and old versions must be freed. (Not WeakRefs: a WeakRef keeps
 * its target until the current job ends, and a CLI run checks many files in one job.)
 */
export class Lineage {
  private readonly slots: unknown[] = [];

  get<T>(slot: LineageSlot<T>): T | undefined {
    return this.slots[slot.index] as T | undefined;
  }

  set<T>(slot: LineageSlot<T>, value: T): void {
    this.slots[slot.index] = value;
  }
}

/** A place in every lineage for one check's state. */
export interface LineageSlot<T> {
  readonly index: number;
  /** Only ties the slot to its type. */
  readonly type?: T;
}

let slots = 0;

export function lineageSlot<T>(): LineageSlot<T> {
  return { index: slots++ };
}

/**
 * How many leading items are the same objects in both arrays, up to `limit`: the part of a version's
 * per-service list that an edit further down left as it was, which the next version copies at once.
 */
export function unchangedPrefix<T>(before: readonly T[] | undefined, after: readonly T[], limit = Infinity): number {
  if (!before) return 0;
  const end = Math.min(limit, before.length, after.length);
  let i = 0;
  while (i < end && before[i] === after[i]) i++;
  return i;
}
