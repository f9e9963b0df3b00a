/**
 * Adds every item to the end of `target`, as server/src/service/append.ts does for the core:
 * `target.push(...items)` passes each item on the stack and throws a RangeError past about 120,000 of
 * them (a service publishing that many ports). The webview bundle takes nothing but types from the
 * server's sources, so it keeps its own copy of these three lines. ESLint forbids the spread form.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
