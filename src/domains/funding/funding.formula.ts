// The formula allocation's arithmetic, pure and exact: integer pence and BigInt fractions, no floating point,
// so that the same formula and inputs give the same pence on every machine and the amounts add up exactly.

/** One criterion of a formula: its weight (per cent of the pot to share) and each authority's value. */
export interface WeightedCriterion {
  code: string;
  /** Whole per cent; the weights of a formula sum to 100. */
  weight: number;
  /** Each authority's value, as a non-negative decimal string or number ("123.45", 2021). */
  values: ReadonlyMap<string, string | number>;
}

export interface AllocationLine {
  areaCode: string;
  amountPence: number;
  /** The authority's exact share of the pot to share, in per cent, to three decimal places (for reading only). */
  sharePercent: string;
}

export class FormulaError extends Error {
  constructor(
    readonly criterion: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Decimal places a supplied value may have: every value of a criterion is scaled alike, so the scale cancels. */
export const VALUE_DECIMALS = 4;
const SCALE = 10n ** BigInt(VALUE_DECIMALS);

/** "12.5" → 125000n (scaled by 10⁴); refuses what is not a non-negative decimal with at most four places. */
export function scaledValue(value: string | number): bigint {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) throw new FormulaError(null, `${text} is not a non-negative number with at most four decimals`);
  const [, whole = '0', fraction = ''] = match;
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(VALUE_DECIMALS, '0'));
}

/**
 * The retained share of a pot: `basisPoints` hundredths of a per cent, rounded down to the penny, so that a
 * part penny goes to the authorities rather than being held back.
 */
export function retainedPence(potPence: number, basisPoints: number): number {
  return Number((BigInt(potPence) * BigInt(basisPoints)) / 10_000n);
}

/**
 * Shares `pencePot` among the authorities: each one's exact share is Σ weight × (its value ÷ the criterion's
 * total), and the pence are given by largest remainder — each authority gets the whole pence of its exact
 * amount, and the pence left over go one each to the largest remainders, ties broken by authority code — so
 * the amounts add up exactly to the pot. Refuses weights not summing to 100 and a criterion whose values are
 * all zero (there is nothing to share by).
 */
export function allocateByFormula(
  pencePot: number,
  areaCodes: readonly string[],
  criteria: readonly WeightedCriterion[],
): AllocationLine[] {
  if (!Number.isSafeInteger(pencePot) || pencePot < 0)
    throw new FormulaError(null, 'The pot must be a whole number of pence, not negative');
  const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (weights !== 100)
    throw new FormulaError(null, `The weights must add up to 100; they add up to ${weights}`);
  const codes = [...areaCodes].sort();
  if (codes.length === 0) throw new FormulaError(null, 'There is no authority to share the pot among');
  const table = criteria.map((criterion) => {
    const values = codes.map((code) => scaledValue(criterion.values.get(code) ?? 0));
    const total = values.reduce((sum, value) => sum + value, 0n);
    if (total === 0n) throw new FormulaError(criterion.code, `${criterion.code} has no values to share by`);
    return { weight: BigInt(criterion.weight), values, total };
  });
  // Σ_c w_c·v_ic/T_c = (Σ_c w_c·v_ic·Π_{c'≠c} T_c') / Π T_c; the weights are per cent, hence the 100.
  const product = table.reduce((acc, row) => acc * row.total, 1n);
  const denominator = 100n * product;
  const rows = codes.map((areaCode, index) => {
    const share = table.reduce(
      (sum, row) => sum + row.weight * (row.values[index] ?? 0n) * (product / row.total),
      0n,
    );
    const exact = BigInt(pencePot) * share;
    return { areaCode, share, pence: exact / denominator, remainder: exact % denominator };
  });
  let left = BigInt(pencePot) - rows.reduce((sum, row) => sum + row.pence, 0n);
  const byRemainder = [...rows].sort((a, b) =>
    a.remainder === b.remainder ? (a.areaCode < b.areaCode ? -1 : 1) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const row of byRemainder) {
    if (left === 0n) break;
    row.pence += 1n;
    left -= 1n;
  }
  return rows.map((row) => ({
    areaCode: row.areaCode,
    amountPence: Number(row.pence),
    sharePercent: threeDecimals(row.share, product),
  }));
}

function threeDecimals(numerator: bigint, denominator: bigint): string {
  const thousandths = (numerator * 1000n + denominator / 2n) / denominator;
  return `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, '0')}`;
}
