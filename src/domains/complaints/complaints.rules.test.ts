import { describe, expect, it } from 'vitest';
import {
  addYears,
  type CaseFacts,
  caseProblems,
  clocksOf,
  closedOn,
  countByYear,
  DEFAULT_TIMESCALES,
  madeLate,
  retainedUntil,
} from './complaints.rules.ts';

const FACTS: CaseFacts = {
  kind: 'complaint',
  complainantName: 'A',
  receivedOn: '2025-03-10',
  incidentOn: null,
  serious: false,
  referredOn: null,
  recording: 'pending',
  recordingDecidedOn: null,
  notRecordedGrounds: null,
  outcome: null,
  outcomeOn: null,
};
const facts = (changes: Partial<CaseFacts>): CaseFacts => ({ ...FACTS, ...changes });
const states = (changes: Partial<CaseFacts>, today: string) =>
  clocksOf(facts(changes), DEFAULT_TIMESCALES, today).map((clock) => [clock.name, clock.due, clock.state]);
const fields = (changes: Partial<CaseFacts>) => caseProblems(facts(changes)).map((error) => error.field);

describe('the time limits of a complaint about the Commissioner', () => {
  it('gives the recording decision 20 days from receipt, open on the last day and overdue after', () => {
    expect(states({}, '2025-03-30')[0]).toEqual(['Decide whether to record', '2025-03-30', 'open']);
    expect(states({}, '2025-03-31')[0]).toEqual(['Decide whether to record', '2025-03-30', 'overdue']);
    expect(states({ recording: 'recorded', recordingDecidedOn: '2025-04-02' }, '2025-05-01')[0]?.[2]).toBe(
      'late',
    );
  });

  it('runs the IOPC referral clock only for a recorded serious complaint, a day from the decision', () => {
    expect(states({}, '2025-03-11')[1]).toEqual(['Refer to the IOPC', null, 'not-applicable']);
    const serious = { serious: true, recording: 'recorded' as const, recordingDecidedOn: '2025-03-12' };
    expect(states(serious, '2025-03-14')[1]).toEqual(['Refer to the IOPC', '2025-03-13', 'overdue']);
    expect(states({ ...serious, referredOn: '2025-03-13' }, '2025-03-14')[1]?.[2]).toBe('met');
    expect(
      states(
        { ...serious, recording: 'not-recorded', notRecordedGrounds: 'criminal-proceedings' },
        '2025-04-01',
      )[1]?.[2],
    ).toBe('not-applicable');
  });

  it('gives resolution 84 days from recording, and none to a serious complaint until the IOPC hands it back', () => {
    const recorded = { recording: 'recorded' as const, recordingDecidedOn: '2025-03-20' };
    expect(states(recorded, '2025-06-12')[2]).toEqual(['Resolve or close', '2025-06-12', 'open']);
    expect(states(recorded, '2025-06-13')[2]?.[2]).toBe('overdue');
    expect(states({ ...recorded, serious: true }, '2025-09-01')[2]?.[2]).toBe('not-applicable');
    expect(states({ ...recorded, serious: true, referredOn: '2025-03-21' }, '2025-09-01')[2]?.[2]).toBe(
      'overdue',
    );
  });

  it('uses a Panel’s own timescales instead of the defaults', () => {
    const own = { ...DEFAULT_TIMESCALES, recordingDays: 5 };
    expect(clocksOf(FACTS, own, '2025-03-16')[0]?.state).toBe('overdue');
  });

  it('flags a complaint made more than 12 months after the latest incident (reg 15(3)(b))', () => {
    expect(madeLate({ incidentOn: '2024-03-10', receivedOn: '2025-03-10' })).toBe(false);
    expect(madeLate({ incidentOn: '2024-03-09', receivedOn: '2025-03-10' })).toBe(true);
    expect(madeLate({ incidentOn: null, receivedOn: '2025-03-10' })).toBe(false);
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
  });
});

describe('closure and retention', () => {
  it('closes a case at its outcome, at a decision not to record, or at its referral, and keeps data six years', () => {
    expect(closedOn(FACTS)).toBeNull();
    expect(retainedUntil(FACTS, DEFAULT_TIMESCALES)).toBeNull();
    const notRecorded = facts({
      recording: 'not-recorded',
      recordingDecidedOn: '2025-03-12',
      notRecordedGrounds: 'not-qualifying',
    });
    expect(closedOn(notRecorded)).toBe('2025-03-12');
    expect(
      closedOn(
        facts({
          serious: true,
          recording: 'recorded',
          recordingDecidedOn: '2025-03-11',
          referredOn: '2025-03-12',
        }),
      ),
    ).toBe('2025-03-12');
    const resolved = facts({
      recording: 'recorded',
      recordingDecidedOn: '2025-03-11',
      outcome: 'resolved-informally',
      outcomeOn: '2025-05-01',
    });
    expect(retainedUntil(resolved, DEFAULT_TIMESCALES)).toBe('2031-05-01');
  });
});

describe('what the regulations refuse', () => {
  it('accepts a complete, consistent case', () => {
    expect(
      fields({
        recording: 'recorded',
        recordingDecidedOn: '2025-03-11',
        outcome: 'resolved-informally',
        outcomeOn: '2025-04-01',
      }),
    ).toEqual([]);
  });

  it('names each field of dates out of order', () => {
    expect(
      fields({ incidentOn: '2025-04-01', recording: 'recorded', recordingDecidedOn: '2025-03-01' }),
    ).toEqual(['receivedOn', 'recordingDecidedOn']);
  });

  it('needs the grounds for not recording, as the complainant must be told them (reg 10(2)(b))', () => {
    const problems = caseProblems(facts({ recording: 'not-recorded', recordingDecidedOn: '2025-03-11' }));
    expect(problems).toEqual([
      { field: 'notRecordedGrounds', message: expect.stringContaining('reg 10(2)(b)') },
    ]);
  });

  it('refers only serious matters, and resolves a serious one only after the IOPC (reg 13)', () => {
    expect(fields({ referredOn: '2025-03-11' })).toEqual(['referredOn']);
    const problems = caseProblems(
      facts({
        serious: true,
        recording: 'recorded',
        recordingDecidedOn: '2025-03-11',
        outcome: 'resolved-informally',
        outcomeOn: '2025-04-01',
      }),
    );
    expect(problems).toEqual([{ field: 'outcome', message: expect.stringContaining('reg 13') }]);
  });

  it('refuses an outcome for an unrecorded complaint, but lets one be withdrawn at any time (reg 16)', () => {
    expect(fields({ outcome: 'no-further-action', outcomeOn: '2025-04-01' })).toEqual(['outcome']);
    expect(fields({ outcome: 'withdrawn', outcomeOn: '2025-04-01' })).toEqual([]);
  });

  it('gives a conduct matter no complainant and always sends it to the IOPC', () => {
    expect(fields({ kind: 'conduct-matter' })).toEqual(['complainantName', 'serious']);
    expect(fields({ kind: 'conduct-matter', complainantName: null, serious: true })).toEqual([]);
  });
});

describe('the public counts', () => {
  it('counts by financial year, newest first, each case once in each column it belongs to', () => {
    const counts = countByYear([
      FACTS,
      facts({
        receivedOn: '2025-04-01',
        recording: 'recorded',
        recordingDecidedOn: '2025-04-02',
        outcome: 'resolved-informally',
        outcomeOn: '2025-05-01',
      }),
      facts({
        receivedOn: '2025-04-02',
        kind: 'conduct-matter',
        complainantName: null,
        serious: true,
        recording: 'recorded',
        recordingDecidedOn: '2025-04-02',
        referredOn: '2025-04-03',
      }),
      facts({
        receivedOn: '2025-05-01',
        recording: 'not-recorded',
        recordingDecidedOn: '2025-05-02',
        notRecordedGrounds: 'withdrawn',
      }),
    ]);
    expect(counts.map((year) => year.year)).toEqual(['2025-26', '2024-25']);
    expect(counts[0]).toEqual({
      year: '2025-26',
      received: 3,
      conductMatters: 1,
      recorded: 2,
      notRecorded: 1,
      awaitingDecision: 0,
      referredToIopc: 1,
      resolvedInformally: 1,
      noFurtherAction: 0,
      withdrawn: 0,
      open: 0,
    });
    expect(counts[1]).toMatchObject({ received: 1, awaitingDecision: 1, open: 1 });
  });
});
