import type { FieldError } from '../../kernel/errors.ts';
import type { QuestionFile, SurveyFile } from './engagement.schemas.ts';
import type { Audience, QuestionKind, QuestionOption } from './engagement.tables.ts';

/**
 * Age bands in the ONS harmonised standard's ten-year groups from 16 (with 16–24 as its first), and for the
 * young people's survey the school phases 11–13, 14–15 and 16–17: wide enough not to single anyone out.
 */
export const AGE_BANDS: Record<Audience, QuestionOption[]> = {
  adult: [
    { code: '16-24', label: '16 to 24' },
    { code: '25-34', label: '25 to 34' },
    { code: '35-44', label: '35 to 44' },
    { code: '45-54', label: '45 to 54' },
    { code: '55-64', label: '55 to 64' },
    { code: '65-74', label: '65 to 74' },
    { code: '75-plus', label: '75 or over' },
    { code: 'prefer-not-to-say', label: 'Prefer not to say' },
  ],
  'young-people': [
    { code: '11-13', label: '11 to 13' },
    { code: '14-15', label: '14 to 15' },
    { code: '16-17', label: '16 to 17' },
    { code: 'prefer-not-to-say', label: 'Prefer not to say' },
  ],
};

/** The ONS harmonised sex question's answers (as asked in the 2021 Census), and not answering. */
export const SEXES: QuestionOption[] = [
  { code: 'female', label: 'Female' },
  { code: 'male', label: 'Male' },
  { code: 'prefer-not-to-say', label: 'Prefer not to say' },
];

const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(['single', 'multiple']);

/** What each question's file entry may and must give, and what a young people's survey may not ask. */
function checkQuestion(question: QuestionFile, at: string, audience: Audience): FieldError[] {
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field: `${at}.${field}`, message });
  if (CHOICE_KINDS.has(question.kind)) {
    if (!question.options || question.options.length < 2)
      refuse('options', `must list at least two options for a ${question.kind}-choice question`);
    const seen = new Set<string>();
    for (const [index, option] of (question.options ?? []).entries()) {
      if (seen.has(option.code)) refuse(`options.${index}.code`, `${option.code} is given twice`);
      seen.add(option.code);
    }
  } else if (question.options) refuse('options', `a ${question.kind} question takes no options`);
  if (question.kind === 'scale') {
    if (!question.scale) refuse('scale', 'a scale question must give its scale (from, to and their labels)');
    else if (question.scale.to <= question.scale.from) refuse('scale.to', 'must be above from');
  } else if (question.scale) refuse('scale', `a ${question.kind} question takes no scale`);
  if (question.contact && question.kind !== 'text')
    refuse('contact', 'only a free-text question asks for contact details');
  if (audience === 'young-people') {
    // Anything that could identify a child is refused outright, not merely left unpublished.
    if (question.kind === 'postcode')
      refuse('kind', 'a young people’s survey may not ask for a postcode: it could identify who answered');
    if (question.contact)
      refuse(
        'contact',
        'a young people’s survey may not ask for contact details: they would identify who answered',
      );
  }
  return errors;
}

/** Every problem of a survey file that its schema alone cannot see, each named by its path in the file. */
export function checkSurveyFile(file: SurveyFile): FieldError[] {
  const errors: FieldError[] = [];
  if (file.closesOn < file.opensOn)
    errors.push({ field: 'closesOn', message: `must not be before opensOn (${file.opensOn})` });
  const codes = new Set<string>();
  const once = new Set<QuestionKind>();
  for (const [index, question] of file.questions.entries()) {
    const at = `questions.${index}`;
    if (codes.has(question.code))
      errors.push({ field: `${at}.code`, message: `${question.code} is given twice` });
    codes.add(question.code);
    if (question.kind === 'area' || question.kind === 'age-band' || question.kind === 'sex') {
      if (once.has(question.kind))
        errors.push({ field: `${at}.kind`, message: `a survey asks the ${question.kind} question once` });
      once.add(question.kind);
    }
    errors.push(...checkQuestion(question, at, file.audience));
  }
  return errors;
}

/** The choices a question offers: its own, the scale's points, the authorities given, or the standard lists. */
export function optionsOf(
  question: QuestionFile,
  audience: Audience,
  authorities: QuestionOption[],
): QuestionOption[] {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.options ?? [];
    case 'scale': {
      const scale = question.scale;
      if (!scale) return [];
      return Array.from({ length: scale.to - scale.from + 1 }, (_, index) => {
        const point = scale.from + index;
        const label =
          point === scale.from
            ? `${point} – ${scale.fromLabel}`
            : point === scale.to
              ? `${point} – ${scale.toLabel}`
              : String(point);
        return { code: String(point), label };
      });
    }
    case 'area':
      return authorities;
    case 'age-band':
      return AGE_BANDS[audience];
    case 'sex':
      return SEXES;
    default:
      return [];
  }
}
