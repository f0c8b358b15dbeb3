import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { addDays, type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import { findSurvey, type SurveyRow } from './engagement.queries.ts';
import type { EngagementDb } from './engagement.tables.ts';

/** What engagement's use-cases are built from. */
export interface EngagementDeps {
  db: EngagementDb;
  policy: Policy;
  now: () => Date;
}

export function todayOf(deps: Pick<EngagementDeps, 'now'>): IsoDate {
  return londonDateOf(deps.now());
}

export function canManage(deps: EngagementDeps, actor: Actor, bodyId: number): boolean {
  return deps.policy.can(actor, 'engagement:manage', { bodyId });
}

export function requireManage(deps: EngagementDeps, actor: Actor, bodyId: number): void {
  if (!canManage(deps, actor, bodyId)) throw new ForbiddenError();
}

export async function surveyOrRefuse(
  deps: EngagementDeps,
  slug: string,
  db: EngagementDb = deps.db,
): Promise<SurveyRow> {
  const survey = await findSurvey(db, slug);
  if (!survey) throw new NotFoundError('There is no such survey');
  return survey;
}

/** Whether the public may answer today, and if not, why not (in words for the page). */
export function windowOf(survey: Pick<SurveyRow, 'opensOn' | 'closesOn' | 'purgedOn'>, today: IsoDate) {
  if (survey.purgedOn !== null || today > survey.closesOn)
    return { open: false, reason: 'This survey has closed.' };
  if (today < survey.opensOn) return { open: false, reason: 'This survey has not opened yet.' };
  return { open: true, reason: null };
}

/** Results are public once the survey has closed, or earlier if its file says so; never individual answers. */
export function resultsArePublic(
  survey: Pick<SurveyRow, 'closesOn' | 'resultsPublished' | 'purgedOn'>,
  today: IsoDate,
): boolean {
  return survey.resultsPublished || survey.purgedOn !== null || today > survey.closesOn;
}

/** The day after which a survey's responses are purged: its close date plus its retention period. */
export function retainedUntil(survey: Pick<SurveyRow, 'closesOn' | 'retentionDays'>): IsoDate {
  return addDays(survey.closesOn, survey.retentionDays);
}
