/** Small statistics for the benchmark: medians and the growth exponent between two sizes. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * b in time ∝ tasksᵇ, from two sizes: 1 means linear, 2 quadratic. Uses sizes ≥ 100 only, where
 * the fixed per-compile cost no longer dominates.
 */
export function growthExponent(smallTasks: number, smallMs: number, largeTasks: number, largeMs: number): number {
  return Math.log(largeMs / smallMs) / Math.log(largeTasks / smallTasks);
}
