import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { type Actor, systemActor } from '../../kernel/auth/actor.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { type CaseFilters, CaseFormSchema } from './complaints.schemas.ts';
import { CASE, date } from './complaints.testing.ts';

const system = systemActor('test');
const PANEL = 'complaints-panel';
const OTHER = 'complaints-other-panel';
const NAME = 'Zebedee Quillfeather';

/** A scrutiny officer of the other Panel, as the policy sees one. */
const otherOfficer = (otherPanelId: number): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'other@test.example',
  displayName: 'Other officer',
  sessionSecondFactor: true,
  grants: [{ role: 'scrutiny-officer', bodyId: otherPanelId }],
});

describe.each(testEngines())('complaints about the Commissioner, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;
  let otherPanelId: number;
  const form = (fields: Record<string, string> = {}) => parseInput(CaseFormSchema, CASE(fields));
  const casesOf = () => database.current.db.selectFrom('complaint').selectAll().orderBy('id').execute();
  const audits = (type: string) =>
    database.current.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('recordType', '=', type)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await createTestBody(database.current.db, PANEL, 'scrutiny-panel');
    otherPanelId = await createTestBody(database.current.db, OTHER, 'scrutiny-panel');
  });

  it('refuses a case that breaks the regulations, naming the field and the rule, and saves nothing', async () => {
    const error = await services.complaints
      .createCase(
        system,
        PANEL,
        form({ recording: 'not-recorded', ...date('recordingDecidedOn', '2025-03-11') }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual([
      { field: 'notRecordedGrounds', message: expect.stringContaining('SI 2012/62 reg 10(2)(b)') },
    ]);
    expect(await casesOf()).toEqual([]);
    expect(await audits('complaint')).toEqual([]);
  });

  it('records a case and its later steps, auditing each without the complainant’s personal data', async () => {
    const { id } = await services.complaints.createCase(system, PANEL, form({ complainantName: NAME }));
    await services.complaints.saveCase(
      system,
      { panel: PANEL, id },
      form({
        complainantName: NAME,
        complainantContact: 'new@test.example',
        recording: 'recorded',
        ...date('recordingDecidedOn', '2025-03-12'),
        outcome: 'resolved-informally',
        ...date('outcomeOn', '2025-04-30'),
        outcomeNote: `Apology accepted by ${NAME}.`,
      }),
    );
    const read = await services.complaints.readCase(system, { panel: PANEL, id });
    expect(read.complaint).toMatchObject({
      recording: 'recorded',
      outcome: 'resolved-informally',
      closedOn: '2025-04-30',
      retainedUntil: '2031-04-30',
    });
    expect(read.complaint.clocks.map((clock) => clock.state)).toEqual(['met', 'not-applicable', 'met']);
    const trail = await audits('complaint');
    expect(trail.map((event) => event.action)).toEqual(['create', 'update']);
    for (const event of trail)
      expect(JSON.stringify([event.before, event.after])).not.toMatch(/Quillfeather|@test\.example|rude/);
    expect(trail[1]?.after).toMatchObject({ personalDataChanged: ['complainantContact', 'outcomeNote'] });
  });

  it('keeps each Panel’s cases to its own officers', async () => {
    const [first] = await casesOf();
    const officer = otherOfficer(otherPanelId);
    await expect(
      services.complaints.readCase(officer, { panel: PANEL, id: first?.id ?? 0 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      services.complaints.readRegister(officer, PANEL, { year: null, state: null, subject: null }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(services.complaints.createCase(officer, PANEL, form())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      (await services.complaints.readRegister(officer, OTHER, { year: null, state: null, subject: null }))
        .cases,
    ).toEqual([]);
  });

  it('filters the register by year, state and subject, flagging overdue cases', async () => {
    await services.complaints.createCase(
      system,
      PANEL,
      form({ subject: 'deputy-commissioner', ...date('receivedOn', '2024-03-01') }),
    );
    const all: CaseFilters = { year: null, state: null, subject: null };
    const register = (filters: Partial<typeof all>) =>
      services.complaints
        .readRegister(system, PANEL, { ...all, ...filters })
        .then((read) => read.cases.map((each) => each.subject));
    expect(await register({})).toEqual(['commissioner', 'deputy-commissioner']);
    expect(await register({ year: '2023-24' })).toEqual(['deputy-commissioner']);
    expect(await register({ state: 'overdue' })).toEqual(['deputy-commissioner']);
    expect(await register({ state: 'closed', subject: 'commissioner' })).toEqual(['commissioner']);
    const counts = await services.complaints.readCounts(system, PANEL);
    expect(
      counts.years.map(({ year, received, resolvedInformally, open }) => ({
        year,
        received,
        resolvedInformally,
        open,
      })),
    ).toEqual([
      { year: '2024-25', received: 1, resolvedInformally: 1, open: 0 },
      { year: '2023-24', received: 1, resolvedInformally: 0, open: 1 },
    ]);
  });

  it('purges closed cases past the Panel’s retention, dry run first, keeping the counts and auditing ids only', async () => {
    await services.complaints.setTimescales(system, PANEL, {
      recordingDays: 20,
      referralDays: 1,
      resolutionDays: 84,
      retentionYears: 1,
    });
    const before = await services.complaints.readCounts(system, PANEL);
    const dry = await services.complaints.purgeExpired(system, true);
    const [resolved] = await casesOf();
    expect(dry).toEqual({ dryRun: true, purged: [{ panel: PANEL, cases: [resolved?.id] }] });
    expect((await casesOf())[0]?.complainantName).toBe(NAME);
    expect(await audits('complaint_purge')).toEqual([]);

    expect(await services.complaints.purgeExpired(system)).toEqual({
      dryRun: false,
      purged: [{ panel: PANEL, cases: [resolved?.id] }],
    });
    const [erased, open] = await casesOf();
    expect(erased).toMatchObject({
      complainantName: null,
      complainantContact: null,
      summary: null,
      outcomeNote: null,
      outcome: 'resolved-informally',
    });
    expect(erased?.purgedOn).not.toBeNull();
    expect(open?.complainantName).toBe('Test Complainant');
    expect(await services.complaints.readCounts(system, PANEL)).toEqual(before);
    const [purge] = await audits('complaint_purge');
    expect(purge?.after).toMatchObject({ cases: [resolved?.id], count: 1 });
    expect(JSON.stringify(purge?.after)).not.toMatch(/Quillfeather/);

    expect((await services.complaints.purgeExpired(system)).purged).toEqual([]);
    await expect(
      services.complaints.saveCase(
        system,
        { panel: PANEL, id: resolved?.id ?? 0 },
        form({ complainantName: NAME }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
