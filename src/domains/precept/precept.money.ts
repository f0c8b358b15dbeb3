import { z } from 'zod';

/** Pence as a reader sees money: 24328 → "£243.28". Integer arithmetic only. */
export function formatPence(pence: number | null): string {
  if (pence === null) return '';
  const sign = pence < 0 ? '−' : '';
  const whole = Math.abs(pence);
  const pounds = Math.floor(whole / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(whole % 100).padStart(2, '0')}`;
}

/** A tax base in hundredths: 84347254 → "843,472.54". */
export function formatHundredths(hundredths: number | null): string {
  if (hundredths === null) return '';
  return `${Math.floor(hundredths / 100).toLocaleString('en-GB')}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** "£243.28", "243.28" or "1,250" as whole hundredths (pence, or hundredths of a property), never a float. */
function hundredthsOf(text: string): number | null {
  const plain = text.trim().replace(/^£/, '').replaceAll(',', '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(plain)) return null;
  const [whole = '0', fraction = ''] = plain.split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return value > 0 && value <= 2_147_483_647 ? value : null;
}

const capitalised = (label: string) => `${label[0]?.toUpperCase()}${label.slice(1)}`;

/** A money box in pounds as pence; `Empty` says what an empty box is (never, for a required box). */
function moneyBox<Empty extends null | never>(label: string, empty: (() => Empty) | null) {
  return z
    .string()
    .trim()
    .default('')
    .transform((value, context): number | Empty => {
      if (value === '' && empty) return empty();
      const pence = value === '' ? null : hundredthsOf(value);
      if (pence !== null) return pence;
      const message =
        value === ''
          ? `Enter ${label}`
          : `${capitalised(label)} must be an amount in pounds and pence, like £243.28`;
      context.issues.push({ code: 'custom', message, input: value });
      return z.NEVER;
    });
}

/** A money box in pounds, as integer pence, more than nothing; the label names it in messages. */
export const penceField = (label: string) => moneyBox<never>(label, null);

/** As `penceField`, but an empty box is unknown (null). */
export const optionalPenceField = (label: string) => moneyBox<null>(label, () => null);

/** The referendum limit may be nothing at all (£0), unlike a precept. */
export function limitField(label: string) {
  return z
    .string()
    .trim()
    .default('')
    .transform((value, context): number => {
      if (/^£?0+(\.0{1,2})?$/.test(value)) return 0;
      const pence = value === '' ? null : hundredthsOf(value);
      if (pence !== null) return pence;
      context.issues.push({
        code: 'custom',
        message:
          value === ''
            ? `Enter ${label}`
            : `${capitalised(label)} must be an amount in pounds and pence, like £14.00`,
        input: value,
      });
      return z.NEVER;
    });
}

/** The council tax base in Band D equivalents, to two places, as hundredths; empty is unknown. */
export const taxBaseField = z
  .string()
  .trim()
  .default('')
  .transform((value, context): number | null => {
    if (value === '') return null;
    const hundredths = hundredthsOf(value);
    if (hundredths !== null) return hundredths;
    context.issues.push({
      code: 'custom',
      message: 'The council tax base must be a number of Band D equivalent properties, like 843,472.54',
      input: value,
    });
    return z.NEVER;
  });
