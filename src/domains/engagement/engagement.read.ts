import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { analyse, publishable, type SurveyResults } from './engagement.analysis.ts';
import {
  canManage,
  type EngagementDeps,
  requireManage,
  resultsArePublic,
  retainedUntil,
  surveyOrRefuse,
  todayOf,
  windowOf,
} from './engagement.context.ts';
import {
  deleteResponses,
  listQuestions,
  listSurveyRows,
  markPurged,
  readResponses,
} from './engagement.queries.ts';

/** Every survey, with whether it is open and whether its results are public; whether the reader runs it. */
export async function listSurveys(deps: EngagementDeps, actor: Actor) {
  const today = todayOf(deps);
  return (await listSurveyRows(deps.db)).map((survey) => ({
    survey,
    window: windowOf(survey, today),
    resultsPublic: resultsArePublic(survey, today),
    manages: canManage(deps, actor, survey.bodyId),
  }));
}
export type SurveyListed = Awaited<ReturnType<typeof listSurveys>>[number];

/** A survey as the public form shows it: its questions, privacy notice and whether it is open today. */
export async function readSurveyForm(deps: EngagementDeps, slug: string) {
  const survey = await surveyOrRefuse(deps, slug);
  return {
    survey,
    questions: await listQuestions(deps.db, survey.id),
    window: windowOf(survey, todayOf(deps)),
  };
}
export type SurveyForm = Awaited<ReturnType<typeof readSurveyForm>>;

/**
 * The officers' analysis: every count, unsuppressed, with its interval; only the responses from one local
 * authority when `area` is given (by the survey's area question); the free-text answers to read.
 */
export async function readAnalysis(deps: EngagementDeps, actor: Actor, slug: string, area?: string) {
  const survey = await surveyOrRefuse(deps, slug);
  requireManage(deps, actor, survey.bodyId);
  const questions = await listQuestions(deps.db, survey.id);
  const areaQuestion = questions.find((question) => question.kind === 'area');
  if (area && !areaQuestion?.options.some((option) => option.code === area))
    throw new NotFoundError('The survey asks about no such area');
  const responses = await readResponses(
    deps.db,
    survey.id,
    area && areaQuestion ? { questionId: areaQuestion.id, code: area } : undefined,
  );
  return {
    survey,
    questions,
    area: areaQuestion?.options.find((option) => option.code === area) ?? null,
    areas: areaQuestion?.options ?? [],
    results: analyse(questions, responses),
    retainedUntil: retainedUntil(survey),
  };
}
export type SurveyAnalysis = Awaited<ReturnType<typeof readAnalysis>>;

/** The aggregated results anyone may read, once public; after a purge, the results frozen then. */
export async function readPublishedResults(deps: EngagementDeps, slug: string) {
  const survey = await surveyOrRefuse(deps, slug);
  if (!resultsArePublic(survey, todayOf(deps)))
    throw new NotFoundError('The results of this survey are not published yet');
  if (survey.purgedResults) return { survey, results: survey.purgedResults as SurveyResults };
  const questions = await listQuestions(deps.db, survey.id);
  return { survey, results: publishable(analyse(questions, await readResponses(deps.db, survey.id))) };
}
export type PublishedResults = Awaited<ReturnType<typeof readPublishedResults>>;

/**
 * Deletes the responses of every survey whose retention has run out (its close date plus its retention
 * period), keeping its published aggregates so the "what you told us" page outlives them. Each purge leaves
 * an audit record of counts only. Run again, it finds nothing more to do.
 */
export async function purgeExpired(deps: EngagementDeps, actor: Actor) {
  const today = todayOf(deps);
  const due = (await listSurveyRows(deps.db)).filter(
    (survey) => survey.purgedOn === null && retainedUntil(survey) < today,
  );
  const purged: { survey: string; responses: number }[] = [];
  for (const survey of due) {
    requireManage(deps, actor, survey.bodyId);
    await deps.db.transaction().execute(async (trx) => {
      const questions = await listQuestions(trx, survey.id);
      const results = publishable(analyse(questions, await readResponses(trx, survey.id)));
      const deleted = await deleteResponses(trx, survey.id);
      await markPurged(trx, survey.id, today, results);
      await recordChange(trx, actor, { type: 'survey_responses_purge', id: survey.id }, undefined, {
        survey: survey.slug,
        retainedUntil: retainedUntil(survey),
        ...deleted,
      });
      purged.push({ survey: survey.slug, responses: deleted.responses });
    });
  }
  return { purged };
}
