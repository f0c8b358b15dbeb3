import type { FieldError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { formatPence } from '../precept/index.ts';
import type { OrganisationType } from './grants.tables.ts';

// Grants' rules, without the database: who may apply to what, weighted totals and payment schedules.

export const ORGANISATION_LABELS: Record<OrganisationType, string> = {
  charity: 'Registered charity',
  company: 'Company',
  'community-interest-company': 'Community interest company',
  'local-authority': 'Local authority',
  'community-group': 'Community group (not registered)',
};

/** The register number each type must give, with the field that holds it. */
const REQUIRED_NUMBER: Partial<Record<OrganisationType, { field: string; message: string }>> = {
  charity: { field: 'charityNumber', message: 'Enter the charity number, like 1123456' },
  company: { field: 'companyNumber', message: 'Enter the company number, like 01234567' },
  'community-interest-company': {
    field: 'companyNumber',
    message: 'Enter the company number, like 01234567',
  },
  'local-authority': {
    field: 'localAuthorityCode',
    message: 'Enter the council’s GSS code, like E06000038',
  },
};

export function organisationProblems(form: {
  type: OrganisationType;
  charityNumber: string | null;
  companyNumber: string | null;
  localAuthorityCode: string | null;
}): FieldError[] {
  const required = REQUIRED_NUMBER[form.type];
  if (!required) return [];
  const given = form[required.field as 'charityNumber' | 'companyNumber' | 'localAuthorityCode'];
  return given ? [] : [required];
}

/** "2025-26": the financial year (April to March) a date falls in. */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export interface RoundTerms {
  fundName: string;
  roundName: string;
  opensOn: string;
  closesOn: string;
  maxAwardPence: number | null;
  applicantTypes: readonly string[] | null;
  /** The fund's budget for the round's financial year, if it has one. */
  budgetPence: number | null;
}

export function roundOpen(round: Pick<RoundTerms, 'opensOn' | 'closesOn'>, today: string): boolean {
  return round.opensOn <= today && today <= round.closesOn;
}

/** Why this organisation may not apply to the round today, each naming the field it concerns. */
export function roundProblems(round: RoundTerms, type: OrganisationType, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!roundOpen(round, today))
    errors.push({
      field: 'round',
      message:
        today < round.opensOn
          ? `${round.roundName} of ${round.fundName} opens on ${formatDate(round.opensOn)}`
          : `${round.roundName} of ${round.fundName} closed on ${formatDate(round.closesOn)}`,
    });
  if (round.applicantTypes && !round.applicantTypes.includes(type))
    errors.push({
      field: 'round',
      message: `${round.fundName} does not take applications from a ${ORGANISATION_LABELS[type].toLowerCase()}; it takes: ${round.applicantTypes.map((each) => ORGANISATION_LABELS[each as OrganisationType]?.toLowerCase() ?? each).join(', ')}`,
    });
  return errors;
}

/** Why the amount asked for is more than the round or the fund can give. */
export function amountProblems(round: RoundTerms, amountPence: number): FieldError[] {
  const year = financialYearOf(round.opensOn);
  if (round.budgetPence === null)
    return [{ field: 'amount', message: `${round.fundName} has no budget for ${year.replace('-', '/')}` }];
  if (round.maxAwardPence !== null && amountPence > round.maxAwardPence)
    return [
      {
        field: 'amount',
        message: `The amount must be ${formatPence(round.maxAwardPence)} or less, the most ${round.roundName} awards`,
      },
    ];
  if (amountPence > round.budgetPence)
    return [
      {
        field: 'amount',
        message: `The amount must be ${formatPence(round.budgetPence)} or less, ${round.fundName}’s budget for ${year.replace('-', '/')}`,
      },
    ];
  return [];
}

/** The score a criterion may get: 0 (not met) to 5 (fully met). */
export const SCORES = [0, 1, 2, 3, 4, 5] as const;
export const MAX_TOTAL = 500;

/** Each criterion's weight times its score out of 5, summed: whole numbers, out of 500 when weights sum to 100. */
export function weightedTotal(scores: readonly { weight: number; score: number }[]): number {
  return scores.reduce((sum, each) => sum + each.weight * each.score, 0);
}

/** "412 out of 500 (82.4%)": the total and its per cent to one place, worked in integers. */
export function describeTotal(total: number): string {
  const tenths = Math.round((total * 1000) / MAX_TOTAL);
  return `${total} out of ${MAX_TOTAL} (${Math.floor(tenths / 10)}.${tenths % 10}%)`;
}

const INSTALMENT_LINE = /^(\d{4}-\d{2}-\d{2})\s+£?(\d{1,3}(,\d{3})*|\d+)(\.\d{2})?$/;

/**
 * The payment schedule typed one instalment a line ("2026-05-01 £2,500.00"): dates in order, amounts more
 * than nothing, adding up exactly to the award. Each problem names its line.
 */
export function parseInstalments(
  text: string,
  awardPence: number,
): { instalments: { dueOn: string; amountPence: number }[]; errors: FieldError[] } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const errors: FieldError[] = [];
  const instalments: { dueOn: string; amountPence: number }[] = [];
  lines.forEach((line, index) => {
    const match = INSTALMENT_LINE.exec(line);
    const dueOn = match?.[1] ?? '';
    const parsed = new Date(`${dueOn}T00:00:00Z`);
    const valid = match && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(dueOn);
    if (!match || !valid) {
      errors.push({
        field: 'instalments',
        message: `Line ${index + 1} must be a date and an amount, like 2026-05-01 £2,500.00`,
      });
      return;
    }
    const amountPence =
      Number((match[2] ?? '').replaceAll(',', '')) * 100 + Number((match[4] ?? '.00').slice(1));
    if (amountPence <= 0)
      errors.push({ field: 'instalments', message: `Line ${index + 1}: the amount must be more than £0` });
    const previous = instalments.at(-1);
    if (previous && dueOn < previous.dueOn)
      errors.push({ field: 'instalments', message: `Line ${index + 1} is due before the line above it` });
    instalments.push({ dueOn, amountPence });
  });
  if (lines.length === 0) errors.push({ field: 'instalments', message: 'Enter at least one instalment' });
  const total = instalments.reduce((sum, each) => sum + each.amountPence, 0);
  if (errors.length === 0 && total !== awardPence)
    errors.push({
      field: 'instalments',
      message: `The instalments add up to ${formatPence(total)}, not the award’s ${formatPence(awardPence)}`,
    });
  return { instalments, errors };
}
