import type { FieldError } from '../../kernel/errors.ts';
import { formatHundredths, formatPence } from './precept.money.ts';

/** How far the precept income may stray from tax base × Band D, per billing authority: one pound. */
export const PRECEPT_TOLERANCE_PENCE_PER_AUTHORITY = 100;

/**
 * One billing authority's precept payment: its tax base (hundredths of a Band D property) times the Band D
 * precept (pence), to the nearest penny, halves up. In bigint: a large base times a Band D passes 2^53.
 */
export function preceptOf(taxBaseHundredths: number, bandDPence: number): number {
  const hundredfold = BigInt(taxBaseHundredths) * BigInt(bandDPence);
  return Number((hundredfold + 50n) / 100n);
}

export const sumOf = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

interface Figures {
  bandDPence: number;
  revenue: readonly { amountPence: number }[];
  funding: {
    policeGrantPence: number;
    preceptPence: number;
    otherGrantsPence: number;
    reservesPence: number;
  };
  taxBase: readonly { bandD: number }[];
}

/**
 * The budget's check sums, each refusal naming the figures. The funding mix must meet the net revenue budget
 * to the penny. The precept income must be the sum of each billing authority's payment (tax base × Band D,
 * rounded to the penny) within £1 per authority, since authorities may round their payments to the pound.
 * The £1 allowance is our reading of practice, not a statutory figure: LGFA 1992 s.48 fixes each payment as
 * tax base × Band D amount but leaves rounding to the billing authority [unverified].
 */
export function checkBudgetSums(figures: Figures): FieldError[] {
  const errors: FieldError[] = [];
  const net = sumOf(figures.revenue.map((line) => line.amountPence));
  if (net <= 0)
    errors.push({
      field: 'revenue',
      message: `must add up to more than nothing (they add up to ${formatPence(net)})`,
    });
  const { policeGrantPence, preceptPence, otherGrantsPence, reservesPence } = figures.funding;
  const mix = policeGrantPence + preceptPence + otherGrantsPence + reservesPence;
  if (mix !== net)
    errors.push({
      field: 'funding',
      message: `must add up to the net revenue budget: police grant ${formatPence(policeGrantPence)} + precept ${formatPence(preceptPence)} + other grants ${formatPence(otherGrantsPence)} + reserves ${formatPence(reservesPence)} = ${formatPence(mix)}, but the revenue lines add up to ${formatPence(net)}`,
    });
  const expected = sumOf(figures.taxBase.map((row) => preceptOf(row.bandD, figures.bandDPence)));
  const tolerance = PRECEPT_TOLERANCE_PENCE_PER_AUTHORITY * figures.taxBase.length;
  if (Math.abs(preceptPence - expected) > tolerance) {
    const base = sumOf(figures.taxBase.map((row) => row.bandD));
    errors.push({
      field: 'funding.preceptPence',
      message: `must be the tax base times the Band D precept: ${formatHundredths(base)} × ${formatPence(figures.bandDPence)} = ${formatPence(expected)} (within ${formatPence(tolerance)}), not ${formatPence(preceptPence)}`,
    });
  }
  return errors;
}
