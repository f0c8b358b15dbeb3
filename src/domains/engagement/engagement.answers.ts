import { createHash } from 'node:crypto';
import type { FieldError } from '../../kernel/errors.ts';
import type { QuestionKind, QuestionOption } from './engagement.tables.ts';

/** A survey's question as the form, the import and the analysis use it. */
export interface SurveyQuestion {
  id: number;
  code: string;
  kind: QuestionKind;
  text: string;
  hint: string | null;
  required: boolean;
  contact: boolean;
  options: QuestionOption[];
}

export interface Answer {
  questionId: number;
  value: string;
}

export const TEXT_LIMIT = 2000;
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;
const SINGLE_KINDS: ReadonlySet<QuestionKind> = new Set(['single', 'scale', 'area', 'age-band', 'sex']);

interface Checking {
  /** Online, a required question must be answered; a paper form may have been left partly blank. */
  enforceRequired: boolean;
  /** Where a question's mistake is shown: the form's field, or a CSV line and column. */
  field: (question: SurveyQuestion) => string;
}

/** A choice given by its code, or on paper by its label, in any case. */
function matchOption(options: QuestionOption[], given: string): QuestionOption | undefined {
  const wanted = given.toLowerCase();
  return (
    options.find((option) => option.code === given) ??
    options.find((option) => option.code.toLowerCase() === wanted || option.label.toLowerCase() === wanted)
  );
}

function checkOne(question: SurveyQuestion, given: string[]): { values: string[]; problem?: string } {
  const values = given.map((value) => value.trim()).filter((value) => value !== '');
  if (values.length === 0) return { values: [] };
  if (question.kind === 'text') {
    const text = values.join('\n');
    return text.length > TEXT_LIMIT
      ? { values: [], problem: `must be ${TEXT_LIMIT} characters or fewer` }
      : { values: [text] };
  }
  if (question.kind === 'postcode') {
    const match = POSTCODE.exec(values.join(' ').toUpperCase().replace(/\s+/g, ' '));
    return match
      ? { values: [`${match[1]} ${match[2]}`] }
      : { values: [], problem: 'must be a full UK postcode, like RG1 1AA' };
  }
  if (SINGLE_KINDS.has(question.kind) && new Set(values).size > 1)
    return { values: [], problem: 'takes one answer only' };
  const chosen: string[] = [];
  for (const value of new Set(values)) {
    const option = matchOption(question.options, value);
    if (!option)
      return {
        values: [],
        problem: `“${value}” is not one of its choices (${question.options.map((o) => o.code).join(', ')})`,
      };
    chosen.push(option.code);
  }
  // In the order the survey offers them, so the same choices are the same answer however they were given.
  const order = new Map(question.options.map((option, index) => [option.code, index]));
  return { values: [...new Set(chosen)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) };
}

/**
 * Checks one response's answers (given by question code) against the survey's questions: every mistake is
 * named by where it was made, and the answers come back normalised (choices by code in the survey's order,
 * postcodes spaced, free text trimmed). An unknown code is the caller's to refuse.
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  given: Record<string, string[]>,
  checking: Checking,
): { answers: Answer[]; errors: FieldError[] } {
  const answers: Answer[] = [];
  const errors: FieldError[] = [];
  for (const question of questions) {
    const { values, problem } = checkOne(question, given[question.code] ?? []);
    if (problem) errors.push({ field: checking.field(question), message: problem });
    else if (values.length === 0 && question.required && checking.enforceRequired)
      errors.push({
        field: checking.field(question),
        message: question.kind === 'multiple' ? 'Select at least one answer' : 'Answer this question',
      });
    for (const value of values) answers.push({ questionId: question.id, value });
  }
  return { answers, errors };
}

/**
 * A fingerprint of a response's answers within its survey (SHA-256 of the normalised answers, free text in
 * lower case with its spacing collapsed): the same answers sent again soon after are a double submission.
 * It says nothing about who sent them and is derived only from what the response holds anyway.
 */
export function answersHash(surveyId: number, answers: readonly Answer[]): string {
  const normalised = answers
    .map((answer) => `${answer.questionId}\u0000${answer.value.toLowerCase().replace(/\s+/g, ' ').trim()}`)
    .sort();
  return createHash('sha256')
    .update(JSON.stringify([surveyId, normalised]))
    .digest('hex');
}
