import { sql } from 'kysely';
import type { ResponseAnswers } from './engagement.analysis.ts';
import type { Answer, SurveyQuestion } from './engagement.answers.ts';
import type { Channel, EngagementDb as Db, QuestionOption } from './engagement.tables.ts';

export async function findBody(db: Db, slug: string) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name', 'kind', 'forceAreaId'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The district and unitary authorities of a force area: where a person may say they live. */
export async function authoritiesOf(db: Db, forceAreaId: number): Promise<QuestionOption[]> {
  const rows = await db
    .selectFrom('areasPublishedLocalAuthority')
    .select(['gssCode', 'name'])
    .where('forceAreaId', '=', forceAreaId)
    .where('tier', '!=', 'county')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ code: row.gssCode, label: row.name }));
}

function surveysWithBody(db: Db) {
  return db
    .selectFrom('survey as s')
    .innerJoin('accountsPublishedBody as b', 'b.id', 's.bodyId')
    .selectAll('s')
    .select(['b.name as bodyName', 'b.slug as bodySlug']);
}

export async function findSurvey(db: Db, slug: string) {
  return surveysWithBody(db).where('s.slug', '=', slug).executeTakeFirst();
}
export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function listSurveyRows(db: Db) {
  return surveysWithBody(db).orderBy('s.closesOn', 'desc').orderBy('s.slug').execute();
}

export async function listQuestions(db: Db, surveyId: number): Promise<SurveyQuestion[]> {
  return db
    .selectFrom('surveyQuestion')
    .select(['id', 'code', 'kind', 'text', 'hint', 'required', 'contact', 'options'])
    .where('surveyId', '=', surveyId)
    .orderBy('position')
    .execute();
}

export async function countResponses(db: Db, surveyId: number): Promise<number> {
  const row = await db
    .selectFrom('surveyResponse')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('surveyId', '=', surveyId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

type SurveyValues = {
  bodyId: number;
  slug: string;
  title: string;
  summary: string;
  audience: SurveyRow['audience'];
  opensOn: string;
  closesOn: string;
  privacyNotice: string;
  retentionDays: number;
  resultsPublished: boolean;
};

export async function upsertSurvey(db: Db, id: number | null, values: SurveyValues): Promise<number> {
  if (id !== null) {
    await db.updateTable('survey').set(values).where('id', '=', id).execute();
    return id;
  }
  const row = await db.insertInto('survey').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceQuestions(
  db: Db,
  surveyId: number,
  questions: readonly Omit<SurveyQuestion, 'id'>[],
) {
  await db.deleteFrom('surveyQuestion').where('surveyId', '=', surveyId).execute();
  if (questions.length === 0) return;
  await db
    .insertInto('surveyQuestion')
    .values(
      questions.map((question, position) => ({
        surveyId,
        position,
        code: question.code,
        kind: question.kind,
        text: question.text,
        hint: question.hint,
        required: question.required,
        contact: question.contact,
        options: JSON.stringify(question.options),
      })),
    )
    .execute();
}

/** Whether the same answers reached the survey online since `since`. */
export async function recentlyReceived(
  db: Db,
  surveyId: number,
  hash: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('surveyResponse')
    .select('id')
    .where('surveyId', '=', surveyId)
    .where('answersHash', '=', hash)
    .where('receivedAt', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertResponses(
  db: Db,
  surveyId: number,
  responses: readonly {
    channel: Channel;
    receivedOn: string;
    answersHash: string | null;
    answers: readonly Answer[];
  }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const response of responses) {
    const { id } = await db
      .insertInto('surveyResponse')
      .values({
        surveyId,
        channel: response.channel,
        receivedOn: response.receivedOn,
        answersHash: response.answersHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
    if (response.answers.length)
      await db
        .insertInto('surveyAnswer')
        .values(
          response.answers.map((answer) => ({
            responseId: id,
            questionId: answer.questionId,
            value: answer.value,
          })),
        )
        .execute();
  }
  return ids;
}

/** Every response of a survey with its answers; only those naming `area` in the area question, when given. */
export async function readResponses(
  db: Db,
  surveyId: number,
  area?: { questionId: number; code: string },
): Promise<ResponseAnswers[]> {
  let responses = db
    .selectFrom('surveyResponse as r')
    .select(['r.id', 'r.channel'])
    .where('r.surveyId', '=', surveyId);
  if (area)
    responses = responses.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('surveyAnswer as a')
          .select(sql`1`.as('one'))
          .whereRef('a.responseId', '=', 'r.id')
          .where('a.questionId', '=', area.questionId)
          .where('a.value', '=', area.code),
      ),
    );
  const rows = await responses.orderBy('r.id').execute();
  const answers = await db
    .selectFrom('surveyAnswer as a')
    .innerJoin('surveyResponse as r', 'r.id', 'a.responseId')
    .select(['a.responseId', 'a.questionId', 'a.value'])
    .where('r.surveyId', '=', surveyId)
    .execute();
  const byResponse = new Map(
    rows.map((row) => [row.id, { channel: row.channel, answers: new Map<number, string[]>() }]),
  );
  for (const answer of answers) {
    const response = byResponse.get(answer.responseId);
    if (!response) continue;
    const values = response.answers.get(answer.questionId) ?? [];
    values.push(answer.value);
    response.answers.set(answer.questionId, values);
  }
  return [...byResponse.values()];
}

/** Deletes every response of the survey (their answers go with them) and says how many there were, by channel. */
export async function deleteResponses(db: Db, surveyId: number) {
  const rows = await db
    .deleteFrom('surveyResponse')
    .where('surveyId', '=', surveyId)
    .returning('channel')
    .execute();
  const byChannel: Record<string, number> = {};
  for (const row of rows) byChannel[row.channel] = (byChannel[row.channel] ?? 0) + 1;
  return { responses: rows.length, byChannel };
}

export async function markPurged(db: Db, surveyId: number, on: string, results: unknown) {
  await db
    .updateTable('survey')
    .set({ purgedOn: on, purgedResults: JSON.stringify(results) })
    .where('id', '=', surveyId)
    .execute();
}
