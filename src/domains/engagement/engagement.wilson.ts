/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion of `successes` out of `trials` (Wilson 1927; Newcombe 1998's
 * method 3, without continuity correction). Unlike the textbook p ± z·√(p(1−p)/n) it stays inside 0 to 1 and
 * keeps its coverage for small counts and proportions near 0 or 1, which small survey cells are.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): { low: number; high: number } {
  if (
    !Number.isInteger(successes) ||
    !Number.isInteger(trials) ||
    trials < 0 ||
    successes < 0 ||
    successes > trials
  )
    throw new RangeError(
      `wilsonInterval needs 0 ≤ successes ≤ trials, whole numbers; got ${successes} of ${trials}`,
    );
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const scale = 1 + z2 / trials;
  // At the ends the formula gives exactly 0 and 1, up to rounding; say so exactly.
  return {
    low: successes === 0 ? 0 : (centre - spread) / scale,
    high: successes === trials ? 1 : (centre + spread) / scale,
  };
}
