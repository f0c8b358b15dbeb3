import type { SurveyQuestion } from './engagement.answers.ts';
import type { Channel, QuestionKind } from './engagement.tables.ts';
import { wilsonInterval } from './engagement.wilson.ts';

/** One response as the analysis reads it: its channel and its answers by question id. */
export interface ResponseAnswers {
  channel: Channel;
  answers: ReadonlyMap<number, readonly string[]>;
}

export type ResultCell = {
  code: string;
  label: string;
  /** null once suppressed for publication. */
  count: number | null;
  /** Per cent of those who answered the question, with its 95% Wilson interval; null when suppressed. */
  percent: number | null;
  low: number | null;
  high: number | null;
};

export type QuestionResult = {
  code: string;
  text: string;
  kind: QuestionKind;
  answered: number | null;
  options: ResultCell[];
};

export type SurveyResults = {
  responses: number | null;
  channels: { channel: Channel; count: number | null }[];
  questions: QuestionResult[];
};

/** Published breakdowns show no count under this: "fewer than 10". */
export const SUPPRESS_BELOW = 10;

/** Free text and postcodes are counted, never broken down: what they hold is the person's own. */
const UNCOUNTED_KINDS: ReadonlySet<QuestionKind> = new Set(['text', 'postcode']);

function cell(code: string, label: string, count: number, answered: number): ResultCell {
  if (answered === 0) return { code, label, count, percent: null, low: null, high: null };
  const { low, high } = wilsonInterval(count, answered);
  return { code, label, count, percent: (100 * count) / answered, low: 100 * low, high: 100 * high };
}

/**
 * Counts and percentages per question, with 95% Wilson intervals: a choice's share is of those who answered
 * the question (so a multiple-choice question's shares may add up to more than 100). Nothing is suppressed
 * here: this is the officers' view.
 */
export function analyse(
  questions: readonly SurveyQuestion[],
  responses: readonly ResponseAnswers[],
): SurveyResults {
  const channels = new Map<Channel, number>();
  for (const response of responses) channels.set(response.channel, (channels.get(response.channel) ?? 0) + 1);
  return {
    responses: responses.length,
    channels: [...channels]
      .map(([channel, count]) => ({ channel, count }))
      .sort((a, b) => a.channel.localeCompare(b.channel)),
    questions: questions.map((question) => {
      const given = responses
        .map((response) => response.answers.get(question.id) ?? [])
        .filter((values) => values.length > 0);
      const answered = given.length;
      const counts = new Map<string, number>();
      for (const values of given) for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      const options = UNCOUNTED_KINDS.has(question.kind)
        ? []
        : question.options.map((option) =>
            cell(option.code, option.label, counts.get(option.code) ?? 0, answered),
          );
      return { code: question.code, text: question.text, kind: question.kind, answered, options };
    }),
  };
}

const SUPPRESSED = { count: null, percent: null, low: null, high: null };

/**
 * Suppresses small counts in cells that partition a whole (each respondent in one cell): every count under
 * 10, and, where that hides a single cell that the total would give away by subtraction, the next smallest
 * too. Returns which cells to hide.
 */
export function cellsToSuppress(counts: readonly number[], partition: boolean): Set<number> {
  const hidden = new Set(counts.flatMap((count, index) => (count < SUPPRESS_BELOW ? [index] : [])));
  if (partition && hidden.size === 1) {
    const shown = counts.map((count, index) => ({ count, index })).filter(({ index }) => !hidden.has(index));
    const smallest = shown.sort((a, b) => a.count - b.count || a.index - b.index)[0];
    if (smallest) hidden.add(smallest.index);
  }
  return hidden;
}

function publishQuestion(question: QuestionResult): QuestionResult {
  const answered = question.answered ?? 0;
  if (answered < SUPPRESS_BELOW)
    return {
      ...question,
      answered: null,
      options: question.options.map((option) => ({ ...option, ...SUPPRESSED })),
    };
  const hidden = cellsToSuppress(
    question.options.map((option) => option.count ?? 0),
    question.kind !== 'multiple',
  );
  return {
    ...question,
    options: question.options.map((option, index) =>
      hidden.has(index) ? { ...option, ...SUPPRESSED } : option,
    ),
  };
}

/** The results as they may be published: aggregates only, every count under 10 shown as "fewer than 10". */
export function publishable(results: SurveyResults): SurveyResults {
  const total = results.responses ?? 0;
  const hiddenChannels = cellsToSuppress(
    results.channels.map((channel) => channel.count ?? 0),
    true,
  );
  return {
    responses: total < SUPPRESS_BELOW ? null : total,
    channels: results.channels.map((channel, index) =>
      hiddenChannels.has(index) || total < SUPPRESS_BELOW ? { ...channel, count: null } : channel,
    ),
    questions: results.questions.map(publishQuestion),
  };
}
