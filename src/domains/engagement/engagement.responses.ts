import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, systemActor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { answersHash, checkAnswers } from './engagement.answers.ts';
import {
  type EngagementDeps,
  requireManage,
  surveyOrRefuse,
  todayOf,
  windowOf,
} from './engagement.context.ts';
import { parseResponsesCsv } from './engagement.csv.ts';
import { insertResponses, listQuestions, recentlyReceived } from './engagement.queries.ts';

const PUBLIC_FORM = systemActor('public survey form');

/**
 * The same answers to the same survey within this time are one person's double submission (a second press of
 * the button, a reload): kept once. Long enough for those, short enough that two people who happen to agree
 * on every answer of a short survey are rarely taken for one.
 */
export const DUPLICATE_WINDOW_MINUTES = 10;

/**
 * Saves one response from the public form, while the survey is open. Mistakes are named by question
 * (`q-<code>`). Nothing about the sender is kept: no address, no cookie; a double submission is recognised by
 * the fingerprint of its answers alone, and answered as if saved.
 */
export async function submitResponse(
  deps: EngagementDeps,
  slug: string,
  given: Record<string, string[]>,
  requestId?: string,
) {
  const survey = await surveyOrRefuse(deps, slug);
  const window = windowOf(survey, todayOf(deps));
  if (!window.open)
    throw new ValidationError([{ field: 'survey', message: window.reason ?? 'This survey is closed' }]);
  const questions = await listQuestions(deps.db, survey.id);
  const { answers, errors } = checkAnswers(questions, given, {
    enforceRequired: true,
    field: (question) => `q-${question.code}`,
  });
  if (errors.length) throw new ValidationError(errors);
  if (answers.length === 0)
    throw new ValidationError([
      { field: `q-${questions[0]?.code ?? 'survey'}`, message: 'Answer at least one question' },
    ]);
  const hash = answersHash(survey.id, answers);
  const since = new Date(deps.now().getTime() - DUPLICATE_WINDOW_MINUTES * 60_000);
  return deps.db.transaction().execute(async (trx) => {
    if (await recentlyReceived(trx, survey.id, hash, since)) return { survey: slug, saved: false };
    const [id] = await insertResponses(trx, survey.id, [
      { channel: 'online', receivedOn: todayOf(deps), answersHash: hash, answers },
    ]);
    // The audit trail records that a response arrived and by which channel, never what it said.
    await recordChange(
      trx,
      PUBLIC_FORM,
      { type: 'survey_response', id: id ?? 0 },
      undefined,
      { surveyId: survey.id, channel: 'online' },
      requestId,
    );
    return { survey: slug, saved: true };
  });
}

/**
 * Imports responses gathered off line from CSV (see engagement.csv.ts): all of them, or, on any bad cell,
 * none. Each is tagged with the channel its row names. The audit records the count by channel.
 */
export async function importResponses(
  deps: EngagementDeps,
  actor: Actor,
  slug: string,
  csv: { text: string; fileName: string },
  requestId?: string,
) {
  const survey = await surveyOrRefuse(deps, slug);
  requireManage(deps, actor, survey.bodyId);
  if (survey.purgedOn !== null)
    throw new ValidationError([
      { field: 'csv', message: `The responses to this survey were purged on ${survey.purgedOn}` },
    ]);
  const questions = await listQuestions(deps.db, survey.id);
  const rows = parseResponsesCsv(csv.text, csv.fileName, questions, todayOf(deps));
  const byChannel: Record<string, number> = {};
  for (const row of rows) byChannel[row.channel] = (byChannel[row.channel] ?? 0) + 1;
  await deps.db.transaction().execute(async (trx) => {
    await insertResponses(
      trx,
      survey.id,
      rows.map((row) => ({ ...row, answersHash: null })),
    );
    await recordChange(
      trx,
      actor,
      { type: 'survey_responses_import', id: survey.id },
      undefined,
      { survey: slug, responses: rows.length, byChannel },
      requestId,
    );
  });
  return { survey: slug, imported: rows.length, byChannel };
}
