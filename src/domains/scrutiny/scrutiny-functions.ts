import { ValidationError } from '../../kernel/errors.ts';

/**
 * The functions of a scrutiny body that its groups, recommendations and work programme say they serve. The
 * first five are the "special functions" of a police and crime panel: the Police Reform and Social
 * Responsibility Act 2011, Schedule 6 paragraph 27, says a committee or sub-committee may not discharge them.
 * Migration 0008 holds the same list in scrutiny_function_is_reserved().
 */
export const SCRUTINY_FUNCTIONS = [
  'police-and-crime-plan',
  'annual-report',
  'confirmation-hearing',
  'precept',
  'chief-constable-appointment',
  'scrutiny',
  'complaints',
] as const;
export type ScrutinyFunction = (typeof SCRUTINY_FUNCTIONS)[number];

const RESERVED = new Set<ScrutinyFunction>([
  'police-and-crime-plan',
  'annual-report',
  'confirmation-hearing',
  'precept',
  'chief-constable-appointment',
]);

export const FUNCTION_LABELS: Record<ScrutinyFunction, { label: string; basis: string }> = {
  'police-and-crime-plan': {
    label: 'reviewing the draft police and crime plan',
    basis: 'section 28(3)',
  },
  'annual-report': { label: 'reviewing the annual report', basis: 'section 28(4)' },
  'confirmation-hearing': {
    label: 'confirmation hearings for senior appointments',
    basis: 'Schedule 1, paragraphs 10 and 11',
  },
  precept: { label: 'reviewing the proposed precept', basis: 'Schedule 5' },
  'chief-constable-appointment': {
    label: 'scrutinising the appointment of a chief constable',
    basis: 'Schedule 8, Part 1',
  },
  scrutiny: {
    label: 'reviewing the commissioner’s decisions and actions',
    basis: 'section 28(6)',
  },
  complaints: { label: 'handling complaints about the commissioner', basis: 'Schedule 7' },
};

export function isReservedFunction(fn: ScrutinyFunction): boolean {
  return RESERVED.has(fn);
}

export function functionLabel(fn: ScrutinyFunction | null): string | null {
  return fn ? FUNCTION_LABELS[fn].label : null;
}

/** The functions as a select's choices, with an empty first choice. */
export const FUNCTION_OPTIONS = [
  { value: '', text: 'None in particular' },
  ...SCRUTINY_FUNCTIONS.map((fn) => ({
    value: fn,
    text: `${FUNCTION_LABELS[fn].label} (${FUNCTION_LABELS[fn].basis})`,
  })),
];

/**
 * Refuses to let a sub-committee or task-and-finish group discharge one of the full body's special functions,
 * naming the function, the law, and what the group may do instead.
 */
export function refuseDelegationOfReserved(fn: ScrutinyFunction, field: string, groupWords: string): void {
  if (!isReservedFunction(fn)) return;
  const { label, basis } = FUNCTION_LABELS[fn];
  throw new ValidationError([
    {
      field,
      message: `${capitalise(groupWords)} cannot discharge ${label} (${basis}): the Police Reform and Social Responsibility Act 2011, Schedule 6 paragraph 27, keeps it for the full panel. A group may gather evidence and report to the panel on it instead.`,
    },
  ]);
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
