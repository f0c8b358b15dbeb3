import { describe, expect, it } from 'vitest';
import { describeLifecycle } from './plans.lifecycle.ts';
import type { StepRow, VersionRow } from './plans.queries.ts';

const draft = (changedAt: string): VersionRow => ({
  id: 1,
  planId: 1,
  number: 1,
  state: 'draft',
  issuedOn: null,
  contentChangedAt: new Date(changedAt),
});
const step = (overrides: Partial<StepRow>): StepRow => ({
  id: 1,
  versionId: 1,
  step: 'chief-constable-consulted',
  occurredOn: '2024-11-01',
  note: null,
  documents: [],
  recordedBy: 'test',
  recordedAt: new Date('2024-11-01T12:00:00Z'),
  ...overrides,
});

/** A plan after the May 2024 election, its draft not yet issued, as it stands on the given day. */
const draftOn = (today: string) =>
  describeLifecycle({
    electionDate: '2024-05-02',
    versions: [draft('2024-06-01T00:00:00Z')],
    steps: [],
    today,
  });

describe('describeLifecycle', () => {
  it('sets the issue deadline at the end of the financial year of the election', () => {
    const life = draftOn('2024-06-10');
    expect(life.issueDeadline).toBe('2025-03-31');
    expect(life.deadlineStatus).toBe('upcoming');
    expect(life.nextStep).toBe('public-consulted');
  });

  it('warns within 60 days of the deadline and once it has passed', () => {
    const soon = draftOn('2025-02-01');
    expect(soon.deadlineStatus).toBe('due-soon');
    expect(soon.daysLeft).toBe(58);
    expect(soon.warnings).toContain('The plan must be issued by 2025-03-31: 58 days left.');
    const late = draftOn('2025-04-01');
    expect(late.deadlineStatus).toBe('overdue');
  });

  it('says whether an issued plan met its deadline', () => {
    const issued: VersionRow = { ...draft('2024-06-01T00:00:00Z'), state: 'issued', issuedOn: '2025-03-27' };
    expect(
      describeLifecycle({ electionDate: '2024-05-02', versions: [issued], steps: [], today: '2026-01-01' })
        .deadlineStatus,
    ).toBe('met');
    const lateIssue = { ...issued, issuedOn: '2025-04-02' };
    expect(
      describeLifecycle({ electionDate: '2024-05-02', versions: [lateIssue], steps: [], today: '2026-01-01' })
        .deadlineStatus,
    ).toBe('missed');
  });

  it('asks for the chief constable to be consulted again when the draft changed after they saw it', () => {
    const seen = step({});
    const unchanged = describeLifecycle({
      electionDate: null,
      versions: [draft('2024-10-30T00:00:00Z')],
      steps: [seen],
      today: '2024-11-05',
    });
    expect(unchanged.warnings).toEqual([]);
    expect(unchanged.nextStep).toBe('public-consulted');
    const changed = describeLifecycle({
      electionDate: null,
      versions: [draft('2024-11-03T09:00:00Z')],
      steps: [seen],
      today: '2024-11-05',
    });
    expect(changed.warnings).toEqual([
      'The draft has changed since the chief constable was consulted on 2024-11-01: re-consult the chief constable on the changes.',
    ]);
  });
});
