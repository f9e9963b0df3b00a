/**
 * How a latency grows with the file: the exponent k of time ≈ c · services^k, fitted by least squares
 * on log-log over the measured sizes (issue 18 wants k ≤ 1.1 from 1,000 to 20,000 services).
 */

/** Undefined with fewer than two usable points (sizes and positive times). */
export function growthExponent(points: readonly { readonly size: number; readonly value: number }[]): number | undefined {
  const usable = points.filter((p) => p.size > 0 && p.value > 0);
  if (new Set(usable.map((p) => p.size)).size < 2) return undefined;
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.value));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i]! - meanX) * (ys[i]! - meanY);
    variance += (xs[i]! - meanX) ** 2;
  }
  return covariance / variance;
}
