import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { tokenHolding } from '../../kernel/auth/auth.testing.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { OFFICE, PLAN, seedActionsToLink, seedPlanForDelivery } from '../delivery/delivery.testing.ts';
import {
  createRecommendationsLedger,
  NO_FILTER,
  type RecommendationsLedgerService,
} from '../recommendations/index.ts';
import { loadInspectionsText } from './inspections.files.ts';
import type { InspectionForm } from './inspections.schemas.ts';
import { createInspectionsService, type InspectionsService } from './inspections.service.ts';

const report = (code: string, changes: Partial<InspectionForm> = {}): InspectionForm => ({
  body: OFFICE,
  code,
  kind: 'peel',
  madeBy: 'HMICFRS',
  title: `Report ${code}`,
  summary: null,
  fieldworkEndedOn: '2026-03-01',
  reportPublishedOn: '2026-05-01',
  reportUrl: null,
  ...changes,
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

const FILE = `format: peelian-inspections/1
body: ${OFFICE}
inspections:
  - code: FILE-PEEL
    kind: peel
    madeBy: HMICFRS
    title: A PEEL inspection from a file
    reportPublishedOn: 2026-04-01
    publish: true
    grades:
      - { question: Investigating crime, grade: Requires improvement }
      - { question: Responding to the public, grade: good }
    findings:
      - { kind: cause-of-concern, number: 1, text: Calls are answered too slowly. }
      - { kind: recommendation, number: 1, text: Answer calls faster., deliveryAction: thames-valley-2024-2029/1/force/LINK-1 }
      - { kind: area-for-improvement, number: 1, text: Record stop and search reasons. }
`;

describe.each(testEngines())('inspections, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  let inspections: InspectionsService;
  let officer: ReturnType<typeof tokenHolding>;
  let ledger: RecommendationsLedgerService;
  let actions: { published: string; draft: string };
  const system = systemActor('test');
  // The register's clock stands on Wednesday 17 June 2026.
  const now = () => new Date('2026-06-17T11:00:00Z');

  beforeAll(async () => {
    services = await seedPlanForDelivery(database.current);
    actions = await seedActionsToLink(services);
    const deps = { db: database.current.db, policy: services.policy, now };
    ledger = createRecommendationsLedger(deps);
    inspections = createInspectionsService({ ...deps, ledger, delivery: services.delivery });
    const office = await database.current.db
      .selectFrom('body')
      .select('id')
      .where('slug', '=', OFFICE)
      .executeTakeFirstOrThrow();
    officer = tokenHolding('opcc-officer', office.id);
  });

  it('records a PEEL report with grades and findings as a draft, and publishes it with its ledger entries', async () => {
    const target = await inspections.recordInspection(officer, report('PEEL-A'));
    await inspections.addGrade(officer, target, { question: 'Investigating crime', grade: 'adequate' });
    await inspections.addFinding(officer, target, {
      kind: 'recommendation',
      number: '1',
      text: 'Improve the quality of investigations.',
      addressee: 'Chief Constable',
      deliveryAction: actions.draft,
    });
    await inspections.addFinding(officer, target, {
      kind: 'area-for-improvement',
      number: '1',
      text: 'Supervise investigations more closely.',
      addressee: 'Chief Constable',
      deliveryAction: actions.published,
    });
    // A draft is the office's: not on the public list, and not readable, nor its ledger entry.
    expect(await inspections.listPublished(ANONYMOUS, { kind: null })).toEqual([]);
    await expect(inspections.readInspection(ANONYMOUS, OFFICE, 'PEEL-A')).rejects.toThrow(NotFoundError);
    const hidden = await ledger.listLedger(ANONYMOUS, { ...NO_FILTER, origin: 'inspection' });
    expect(hidden.map((row) => row.reference)).not.toContain('PEEL-A/R1');

    await inspections.publishInspection(officer, target, {});
    const { inspection } = await inspections.readInspection(ANONYMOUS, OFFICE, 'PEEL-A');
    expect(inspection.grades).toEqual([{ position: 1, question: 'Investigating crime', grade: 'adequate' }]);
    // The action in the office's draft delivery plan is its officers' to see; the published one is anyone's.
    const linked = (record: typeof inspection) =>
      record.findings.map((f) => [f.kind, f.ledger?.reference ?? null, f.deliveryAction?.address ?? null]);
    expect(linked(inspection)).toEqual([
      ['recommendation', 'PEEL-A/R1', null],
      ['area-for-improvement', null, actions.published],
    ]);
    expect(linked((await inspections.readInspection(officer, OFFICE, 'PEEL-A')).inspection)).toEqual([
      ['recommendation', 'PEEL-A/R1', actions.draft],
      ['area-for-improvement', null, actions.published],
    ]);
    // The ledger's response is due with the Commissioner's: 56 days after 1 May is 26 June.
    expect(inspection.findings[0]?.ledger).toMatchObject({
      origin: 'inspection',
      responseDueOn: '2026-06-26',
      status: 'awaiting-response',
      visibility: 'public',
    });
    expect(inspection.clock).toEqual({ dueOn: '2026-06-26', state: 'awaiting', daysLate: 0 });
    await expect(inspections.publishInspection(officer, target, {})).rejects.toThrow(ConflictError);
  });

  it('records the response and shows how late it was; puts the deadline on the calendar until then', async () => {
    const target = await inspections.recordInspection(
      officer,
      report('PEEL-B', { reportPublishedOn: '2026-03-02', fieldworkEndedOn: null }),
    );
    await inspections.publishInspection(officer, target, {});
    const deadlines = await inspections.upcomingDeadlines(ANONYMOUS);
    expect(
      deadlines.find((each) => each.uid.endsWith('response') && each.url.includes('PEEL-B')),
    ).toMatchObject({
      date: '2026-04-27',
      status: 'overdue',
    });
    const wrong = await refusal(
      inspections.recordResponse(officer, target, {
        responsePublishedOn: '2026-03-01',
        responseUrl: 'https://example.org/r',
      }),
    );
    expect(wrong).toEqual([
      {
        field: 'responsePublishedOn',
        message: 'The response comes after the report: the date cannot be before 2 March 2026',
      },
    ]);
    await inspections.recordResponse(officer, target, {
      responsePublishedOn: '2026-05-01',
      responseUrl: 'https://example.org/r',
    });
    const { inspection } = await inspections.readInspection(ANONYMOUS, OFFICE, 'PEEL-B');
    expect(inspection.clock).toEqual({ dueOn: '2026-04-27', state: 'late', daysLate: 4 });
    const after = await inspections.upcomingDeadlines(ANONYMOUS);
    expect(after.some((each) => each.url.includes('PEEL-B'))).toBe(false);
  });

  it('refuses dates out of order, an unknown grade, a repeated code and a stranger, saving nothing', async () => {
    expect(
      await refusal(inspections.recordInspection(officer, report('BAD', { fieldworkEndedOn: '2026-05-02' }))),
    ).toEqual([
      {
        field: 'fieldworkEndedOn',
        message: 'Fieldwork ends before the report is published: the date cannot be after 1 May 2026',
      },
    ]);
    expect(
      (
        await refusal(
          inspections.recordInspection(
            officer,
            report('BAD', { reportPublishedOn: '2026-07-01', fieldworkEndedOn: null }),
          ),
        )
      ).map((e) => e.field),
    ).toEqual(['reportPublishedOn']);
    expect(
      (await refusal(inspections.recordInspection(officer, report('PEEL-A')))).map((e) => e.field),
    ).toEqual(['code']);
    const stranger = tokenHolding('opcc-officer', 999_999);
    await expect(inspections.recordInspection(stranger, report('NOPE'))).rejects.toThrow(ForbiddenError);
    await expect(inspections.readInspection(officer, OFFICE, 'BAD')).rejects.toThrow(NotFoundError);
    const { GradeFormSchema } = await import('./inspections.schemas.ts');
    const parsed = GradeFormSchema.safeParse({ question: 'Q', grade: 'excellent' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'The grade must be one of: outstanding, good, adequate, requires improvement, inadequate',
    );
    const target = { body: OFFICE, code: 'PEEL-A' };
    expect(
      (
        await refusal(
          inspections.addGrade(officer, target, { question: 'investigating crime', grade: 'good' }),
        )
      )[0]?.field,
    ).toBe('question');
    const audit = await inspections.recordInspection(
      officer,
      report('AUDIT-1', { kind: 'audit', madeBy: 'JIAC' }),
    );
    expect(
      (
        await refusal(
          inspections.recordResponse(officer, audit, {
            responsePublishedOn: '2026-06-01',
            responseUrl: 'https://x.org',
          }),
        )
      )[0]?.message,
    ).toBe('An audit or assurance report has no statutory response to record');
  });

  it('loads a file all or nothing, names every problem by line and path, and is safe to load again', async () => {
    const first = await loadInspectionsText(inspections, officer, FILE, 'tv.yaml');
    expect(first).toMatchObject({ inspections: 1, grades: 2, findings: 3 });
    expect(first.changes).toBeGreaterThan(0);
    expect((await loadInspectionsText(inspections, officer, FILE, 'tv.yaml')).changes).toBe(0);
    const { inspection } = await inspections.readInspection(ANONYMOUS, OFFICE, 'FILE-PEEL');
    expect(inspection.grades.map((g) => g.grade)).toEqual(['requires-improvement', 'good']);
    expect(inspection.findings.map((f) => f.ledger?.reference ?? null)).toEqual([
      'FILE-PEEL/C1',
      'FILE-PEEL/R1',
      null,
    ]);

    const broken = FILE.replace('FILE-PEEL', 'FILE-TWO')
      .replace(
        'reportPublishedOn: 2026-04-01',
        'reportPublishedOn: 2026-04-01\n    fieldworkEndedOn: 2026-04-02',
      )
      .replace('grade: good', 'grade: excellent')
      .replace('{ kind: area-for-improvement, number: 1', '{ kind: recommendation, number: 1');
    const problems = await refusal(loadInspectionsText(inspections, officer, broken, 'tv.yaml'));
    expect(problems).toEqual([
      {
        field: 'tv.yaml line 13, inspections.0.grades.1.grade',
        message: 'The grade must be one of: outstanding, good, adequate, requires improvement, inadequate',
      },
    ]);
    const outOfOrder = broken.replace('grade: excellent', 'grade: good');
    expect(await refusal(loadInspectionsText(inspections, officer, outOfOrder, 'tv.yaml'))).toEqual([
      {
        field: 'tv.yaml line 9, inspections.0.fieldworkEndedOn',
        message: 'Fieldwork ends before the report is published: the date cannot be after 1 April 2026',
      },
      {
        field: 'tv.yaml line 17, inspections.0.findings.2.number',
        message: 'The finding recommendation 1 is given twice',
      },
    ]);
    // Nothing of the broken file was saved.
    await expect(inspections.readInspection(officer, OFFICE, 'FILE-TWO')).rejects.toThrow(NotFoundError);
  });

  it('rewords a finding in the ledger when the file corrects it, keeping the ledger’s own progress', async () => {
    const { inspection } = await inspections.readInspection(officer, OFFICE, 'FILE-PEEL');
    const id = inspection.findings[1]?.recommendationId as number;
    await ledger.addProgress(system, id, { reportedOn: '2026-05-01', text: 'Call handlers hired.' });
    const corrected = FILE.replace('Answer calls faster.', 'Answer emergency calls within ten seconds.');
    expect((await loadInspectionsText(inspections, officer, corrected, 'tv.yaml')).changes).toBe(1);
    const read = await ledger.readRecommendation(ANONYMOUS, id);
    expect(read.recommendation.text).toBe('Answer emergency calls within ten seconds.');
    expect(read.progress.map((update) => update.text)).toEqual(['Call handlers hired.']);
    const open = await inspections.listOpenRecommendations(ANONYMOUS);
    expect(open.map((entry) => entry.finding.ledger.reference)).toEqual(
      expect.arrayContaining(['FILE-PEEL/C1', 'FILE-PEEL/R1', 'PEEL-A/R1']),
    );
    expect(
      open.find((entry) => entry.finding.ledger.reference === 'FILE-PEEL/R1')?.finding.ledger.status,
    ).toBe('response-overdue');
  });

  it('links findings only to its office’s delivery actions, and each action lists the findings it answers', async () => {
    const target = { body: OFFICE, code: 'PEEL-A', kind: 'recommendation', number: '1' } as const;
    const text = 'Improve the quality of investigations.';
    const unknown = `${actions.published.slice(0, -1)}9`;
    expect(
      await refusal(inspections.changeFinding(officer, target, { text, deliveryAction: unknown })),
    ).toEqual([
      { field: 'deliveryAction', message: `There is no action ${unknown} in this office’s delivery plans` },
    ]);
    const stranger = tokenHolding('opcc-officer', 999_999);
    await expect(
      inspections.changeFinding(stranger, target, { text, deliveryAction: actions.published }),
    ).rejects.toThrow(ForbiddenError);
    // The refusals changed nothing: the recommendation still names the draft plan's action.
    const before = (await inspections.readInspection(officer, OFFICE, 'PEEL-A')).inspection;
    expect(before.findings[0]?.deliveryAction?.address).toBe(actions.draft);

    const key = (owner: 'opcc' | 'force', ref: string) => ({ plan: PLAN, version: 1, owner, ref });
    const answers = async (actor: typeof officer, owner: 'opcc' | 'force', ref: string) =>
      (await services.delivery.readAction(actor, key(owner, ref))).answers.map((answer) => answer.text);
    expect(await answers(ANONYMOUS, 'force', 'LINK-1')).toEqual([
      'HMICFRS, Report PEEL-A: area for improvement 1',
      'HMICFRS, A PEEL inspection from a file: recommendation 1',
    ]);
    expect(await answers(officer, 'opcc', 'DRAFT-1')).toEqual(['HMICFRS, Report PEEL-A: recommendation 1']);

    await inspections.changeFinding(officer, target, { text, deliveryAction: null });
    expect(await answers(officer, 'opcc', 'DRAFT-1')).toEqual([]);

    const wrong = FILE.replace('force/LINK-1', 'force/NOPE-1');
    expect(await refusal(loadInspectionsText(inspections, officer, wrong, 'tv.yaml'))).toEqual([
      {
        field: 'tv.yaml line 15, inspections.0.findings.1.deliveryAction',
        message: `There is no action ${PLAN}/1/force/NOPE-1 in this office’s delivery plans`,
      },
    ]);
  });
});
