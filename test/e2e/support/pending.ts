/**
 * Features whose end-to-end tests are written but whose implementation has not landed on main yet. Their
 * tests (and assertions) are skipped while listed here; delete an entry to enable them.
 */
export type PendingFeature = 'portConflict' | 'hover' | 'completion' | 'portQuickFix' | 'networkGraph';

const PENDING: ReadonlySet<PendingFeature> = new Set<PendingFeature>(['portConflict', 'hover', 'completion', 'portQuickFix', 'networkGraph']);

export function landed(feature: PendingFeature): boolean {
  return !PENDING.has(feature);
}

/** `it` once the feature has landed, `it.skip` before. */
export function itWhenLanded(feature: PendingFeature): Mocha.TestFunction | Mocha.PendingTestFunction {
  return landed(feature) ? it : it.skip;
}
