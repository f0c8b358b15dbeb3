import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import type { SurveyQuestion } from './engagement.answers.ts';
import { type EngagementDeps, requireManage } from './engagement.context.ts';
import {
  authoritiesOf,
  countResponses,
  findBody,
  findSurvey,
  listQuestions,
  replaceQuestions,
  upsertSurvey,
} from './engagement.queries.ts';
import { checkSurveyFile, optionsOf } from './engagement.questions.ts';
import type { SurveyFile } from './engagement.schemas.ts';

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

const questionShape = (question: Omit<SurveyQuestion, 'id'>) => ({
  code: question.code,
  kind: question.kind,
  text: question.text,
  hint: question.hint,
  required: question.required,
  contact: question.contact,
  options: question.options,
});

/**
 * Loads a survey file in one transaction: every problem saves nothing, each named by its path in the file.
 * A survey is matched by slug and brought up to the file; loading the same file again changes nothing. Once
 * responses are held its questions may not change (the answers would no longer mean what was asked).
 */
export async function importSurveyFile(deps: EngagementDeps, actor: Actor, file: SurveyFile) {
  const body = await findBody(deps.db, file.body);
  if (!body)
    throw new ValidationError([{ field: 'body', message: `${file.body} is not a body Peelian knows` }]);
  requireManage(deps, actor, body.id);
  if (body.kind !== 'policing-body')
    refuse([{ field: 'body', message: `${body.name} is not a policing body` }]);
  refuse(checkSurveyFile(file));
  const asksArea = file.questions.some((question) => question.kind === 'area');
  const authorities = body.forceAreaId === null ? [] : await authoritiesOf(deps.db, body.forceAreaId);
  if (asksArea && authorities.length === 0)
    refuse([{ field: 'questions', message: `${body.name} has no local authorities to ask about` }]);
  const questions = file.questions.map((question) => ({
    code: question.code,
    kind: question.kind,
    text: question.text,
    hint: question.hint ?? null,
    required: question.required,
    contact: question.contact,
    options: optionsOf(question, file.audience, authorities),
  }));
  const row = {
    bodyId: body.id,
    slug: file.slug,
    title: file.title,
    summary: file.summary,
    audience: file.audience,
    opensOn: file.opensOn,
    closesOn: file.closesOn,
    privacyNotice: file.privacyNotice,
    retentionDays: file.retentionDays,
    resultsPublished: file.publishResults,
  };
  return deps.db.transaction().execute(async (trx) => {
    const found = await findSurvey(trx, file.slug);
    if (found && found.bodyId !== body.id)
      refuse([{ field: 'slug', message: `${file.slug} is a survey of ${found.bodyName}` }]);
    const after = { ...row, questions: questions.map(questionShape) };
    let before: typeof after | undefined;
    if (found) {
      const held = (await listQuestions(trx, found.id)).map(questionShape);
      before = { ...row, ...pickRow(found), questions: held };
      if (isDeepStrictEqual(before, after)) return { survey: file.slug, changed: 0 };
      const responses = await countResponses(trx, found.id);
      if (responses > 0 && !isDeepStrictEqual(held, after.questions))
        refuse([
          {
            field: 'questions',
            message: `must stay as they are: ${responses} responses are held (make a new survey to ask other questions)`,
          },
        ]);
    }
    const id = await upsertSurvey(trx, found?.id ?? null, row);
    if (!found || !isDeepStrictEqual(before?.questions, after.questions))
      await replaceQuestions(trx, id, questions);
    await recordChange(trx, actor, { type: 'survey', id }, before, after);
    return { survey: file.slug, changed: 1 };
  });
}

function pickRow(found: NonNullable<Awaited<ReturnType<typeof findSurvey>>>) {
  return {
    bodyId: found.bodyId,
    slug: found.slug,
    title: found.title,
    summary: found.summary,
    audience: found.audience,
    opensOn: found.opensOn,
    closesOn: found.closesOn,
    privacyNotice: found.privacyNotice,
    retentionDays: found.retentionDays,
    resultsPublished: found.resultsPublished,
  };
}
