/**
 * Adds every item to the end of `target`. `target.push(...items)` passes each item as an argument on
 * the stack and throws a RangeError past about 120,000 of them (a list of findings or merged entries
 * in a hostile file easily gets there); a loop has no limit. ESLint forbids the spread form.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
