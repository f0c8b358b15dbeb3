import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { useTestServices } from '../../kernel/testing/test-app.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { loadSurveyFile } from './engagement.files.ts';
import {
  CSV_HEADER,
  daysFromToday,
  READING,
  responseLines,
  SLOUGH,
  seedEngagementFixture,
  surveyFile,
} from './engagement.testing.ts';

const system = systemActor('test');

async function refusal(work: Promise<unknown>): Promise<{ field: string; message: string }[]> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe.each(testEngines())('surveys, responses, analysis and purging, on %s', (engine) => {
  const fixture = useTestServices(engine);
  const engagement = () => fixture.services.engagement;
  const rows = async (table: 'survey' | 'surveyResponse' | 'surveyAnswer' | 'auditEvent') =>
    (
      await fixture.database.current.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    await seedEngagementFixture(fixture.database.current, fixture.services);
  });

  it('loads a survey file once: the same file again is no change and leaves no audit record', async () => {
    const first = await loadSurveyFile(engagement(), system, surveyFile(), 'survey.yaml');
    expect(first).toEqual({ survey: 'test-survey', changed: 1 });
    const audit = await rows('auditEvent');
    expect(await loadSurveyFile(engagement(), system, surveyFile(), 'survey.yaml')).toEqual({
      survey: 'test-survey',
      changed: 0,
    });
    expect(await rows('auditEvent')).toBe(audit);
    const form = await engagement().readSurveyForm('test-survey');
    expect(form.window.open).toBe(true);
    const area = form.questions.find((question) => question.kind === 'area');
    // The force area's district and unitary authorities, not the county.
    expect(area?.options).toHaveLength(13);
    expect(area?.options.map((option) => option.label)).toContain('Reading');
    expect(form.questions.find((question) => question.kind === 'age-band')?.options[0]?.label).toBe(
      '16 to 24',
    );
  });

  it('refuses a young people’s survey asking for a postcode or contact details, naming the line, and saves nothing', async () => {
    const before = await rows('survey');
    const extra = `  - code: postcode
    kind: postcode
    text: Your postcode
  - code: email
    kind: text
    contact: true
    text: Your email
`;
    const errors = await refusal(
      loadSurveyFile(
        engagement(),
        system,
        surveyFile({ slug: 'young', audience: 'young-people', extra }),
        'young.yaml',
      ),
    );
    expect(errors.map((error) => error.field)).toEqual([
      'young.yaml line 38, questions.6.kind',
      'young.yaml line 42, questions.7.contact',
    ]);
    expect(errors[0]?.message).toContain('may not ask for a postcode');
    expect(await rows('survey')).toBe(before);
    // The same questions in the adult version are allowed.
    expect(
      (await loadSurveyFile(engagement(), system, surveyFile({ slug: 'adult-contact', extra }), 'adult.yaml'))
        .changed,
    ).toBe(1);
  });

  it('names a file’s shape mistakes by line and path', async () => {
    const errors = await refusal(
      loadSurveyFile(
        engagement(),
        system,
        surveyFile({ slug: 'bad' }).replace('kind: multiple', 'kind: ranking'),
        'bad.yaml',
      ),
    );
    expect(errors).toEqual([
      { field: 'bad.yaml line 20, questions.1.kind', message: expect.stringContaining('must be one of') },
    ]);
  });

  it('takes a public response while open, keeps a double submission once, and names a missing answer', async () => {
    const before = await rows('surveyResponse');
    const answers = {
      safe: ['unsafe'],
      worries: ['speeding', 'burglary'],
      say: ['  Too   many cars '],
      area: [READING],
    };
    expect(await engagement().submitResponse('test-survey', answers)).toEqual({
      survey: 'test-survey',
      saved: true,
    });
    // Pressed twice: the same answers in another order and spacing are one response.
    const again = { ...answers, worries: ['burglary', 'speeding'], say: ['too many cars'] };
    expect(await engagement().submitResponse('test-survey', again)).toEqual({
      survey: 'test-survey',
      saved: false,
    });
    expect(Number(await rows('surveyResponse'))).toBe(Number(before) + 1);
    expect(await refusal(engagement().submitResponse('test-survey', { worries: ['burglary'] }))).toEqual([
      { field: 'q-safe', message: 'Answer this question' },
    ]);
    expect(await refusal(engagement().submitResponse('test-survey', { safe: ['fine'] }))).toEqual([
      { field: 'q-safe', message: expect.stringContaining('“fine” is not one of its choices') },
    ]);
  });

  it('imports offline responses all or nothing, naming every bad cell by line and column', async () => {
    const before = await rows('surveyResponse');
    const bad = [
      CSV_HEADER,
      'paper,,safe,burglary,,E06000038',
      'online,,safe,,,',
      'event,2099-01-01,maybe,burglary;theft,,E99999999',
    ].join('\n');
    const errors = await refusal(
      engagement().importResponses(system, 'test-survey', { text: bad, fileName: 'r.csv' }),
    );
    expect(errors.map((error) => error.field)).toEqual([
      'r.csv line 3, column channel',
      'r.csv line 4, column received_on',
      'r.csv line 4, column safe',
      'r.csv line 4, column worries',
      'r.csv line 4, column area',
    ]);
    expect(await rows('surveyResponse')).toBe(before);
    const unknown = await refusal(
      engagement().importResponses(system, 'test-survey', {
        text: 'channel,colour\npaper,red',
        fileName: 'r.csv',
      }),
    );
    expect(unknown).toEqual([
      { field: 'r.csv line 1, column 2', message: expect.stringContaining('“colour” is not') },
    ]);
    // Labels are accepted as well as codes, and each row keeps its channel.
    const good = [
      CSV_HEADER,
      'paper,,Safe,Burglary;speeding,,Reading',
      'event,,unsafe,,,E06000039',
      'panel,,,,,',
    ].join('\n');
    expect(
      await engagement().importResponses(system, 'test-survey', { text: good, fileName: 'r.csv' }),
    ).toEqual({
      survey: 'test-survey',
      imported: 3,
      byChannel: { paper: 1, event: 1, panel: 1 },
    });
  });

  it('analyses per question with Wilson intervals, and by area', async () => {
    const all = await engagement().readAnalysis(system, 'test-survey');
    expect(all.results.responses).toBe(4);
    const safe = all.results.questions.find((question) => question.code === 'safe');
    expect(safe?.answered).toBe(3);
    expect(safe?.options.map((option) => option.count)).toEqual([1, 2]);
    expect(all.results.channels).toEqual([
      { channel: 'event', count: 1 },
      { channel: 'online', count: 1 },
      { channel: 'panel', count: 1 },
      { channel: 'paper', count: 1 },
    ]);
    const reading = await engagement().readAnalysis(system, 'test-survey', READING);
    expect(reading.results.responses).toBe(2);
    expect(reading.area?.label).toBe('Reading');
    const slough = await engagement().readAnalysis(system, 'test-survey', SLOUGH);
    expect(
      slough.results.questions
        .find((question) => question.code === 'safe')
        ?.options.map((option) => option.count),
    ).toEqual([0, 1]);
  });

  it('publishes results only once closed, suppressing counts under 10; purges past retention, keeping the aggregates', async () => {
    await expect(engagement().readPublishedResults('test-survey')).rejects.toThrow('not published yet');
    const closed = surveyFile({
      slug: 'closed',
      opensOn: daysFromToday(-60),
      closesOn: daysFromToday(-10),
      retentionDays: 5,
    });
    await loadSurveyFile(engagement(), system, closed, 'closed.yaml');
    const csv = [
      CSV_HEADER,
      ...responseLines(25, 'safe'),
      ...responseLines(4, 'unsafe', SLOUGH, 'speeding'),
    ].join('\n');
    await engagement().importResponses(system, 'closed', { text: csv, fileName: 'closed.csv' });
    await expect(engagement().submitResponse('closed', { safe: ['safe'] })).rejects.toThrow(ValidationError);
    const published = await engagement().readPublishedResults('closed');
    expect(published.results.responses).toBe(29);
    const safe = published.results.questions.find((question) => question.code === 'safe');
    // 4 is hidden, and so is 25, which the total of 29 would give it away by.
    expect(safe?.options.map((option) => option.count)).toEqual([null, null]);
    expect(safe?.options[1]?.percent).toBeNull();
    // Several choices may be made, so no count gives another away: only the 4 is hidden.
    const worries = published.results.questions.find((question) => question.code === 'worries');
    expect(worries?.options.map((option) => option.count)).toEqual([25, null]);
    const area = published.results.questions.find((question) => question.code === 'area');
    expect(area?.options.filter((option) => option.count !== null).map((option) => option.label)).toEqual([
      'Reading',
    ]);

    const answers = await rows('surveyAnswer');
    const { purged } = await engagement().purgeExpired(system);
    expect(purged).toEqual([{ survey: 'closed', responses: 29 }]);
    expect(Number(await rows('surveyAnswer'))).toBeLessThan(Number(answers));
    const audit = await fixture.database.current.db
      .selectFrom('auditEvent')
      .select('after')
      .where('recordType', '=', 'survey_responses_purge')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ survey: 'closed', responses: 29, byChannel: { paper: 29 } });
    // Counts only: no answer is in the audit record.
    expect(JSON.stringify(audit.after)).not.toContain('unsafe');
    expect((await engagement().readPublishedResults('closed')).results).toEqual(published.results);
    expect((await engagement().purgeExpired(system)).purged).toEqual([]);
    await expect(
      engagement().importResponses(system, 'closed', { text: csv, fileName: 'c.csv' }),
    ).rejects.toThrow('purged');
  });

  it('will not change the questions of a survey that holds responses', async () => {
    const changed = surveyFile().replace('text: Anything else?', 'text: Anything more?');
    const errors = await refusal(loadSurveyFile(engagement(), system, changed, 'survey.yaml'));
    expect(errors).toEqual([
      { field: 'survey.yaml line 12, questions', message: expect.stringContaining('responses are held') },
    ]);
  });
});
