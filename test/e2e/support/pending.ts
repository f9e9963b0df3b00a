/**
 * Features whose end-to-end tests are written but whose implementation has not landed on main yet. Their
 * tests are skipped while listed here; delete an entry to enable them.
 */
export type PendingFeature = 'hover' | 'completion';

const PENDING: ReadonlySet<PendingFeature> = new Set<PendingFeature>(['hover', 'completion']);

/** `it` once the feature has landed, `it.skip` before. */
export function itWhenLanded(feature: PendingFeature): Mocha.TestFunction | Mocha.PendingTestFunction {
  return PENDING.has(feature) ? it.skip : it;
}
