import { describe, expect, it } from 'vitest';
import { ORDINARY_ELECTIONS, postElectionPeriods } from './appointments.elections.ts';
import {
  confirmationEnd,
  describeReportTiming,
  type ProcessState,
  periodsIgnored,
  reportDueOn,
  vetoProblem,
} from './appointments.rules.ts';

describe('the Panel’s three weeks (PRSRA 2011 Sch 8 para 4(6), (9)-(10))', () => {
  it('begins with the day of receipt, so it ends twenty days later when no election intervenes', () => {
    expect(reportDueOn('2016-12-02')).toBe('2016-12-22');
    expect(reportDueOn('2023-01-31')).toBe('2023-02-20');
    expect(periodsIgnored('2016-12-02')).toEqual([]);
  });

  it('leaves out the post-election period, from the poll to the declaration, both days included', () => {
    // 1 May 2024 counts; 2 to 9 May (the poll to the assumed declaration) do not; 10 May is day 2.
    expect(reportDueOn('2024-05-01')).toBe('2024-05-29');
    expect(reportDueOn('2024-05-01', [])).toBe('2024-05-21');
    // Notice received during the period starts counting the day after it ends.
    expect(reportDueOn('2024-05-05')).toBe('2024-05-30');
    // A notice whose three weeks end the day before the poll is untouched.
    expect(reportDueOn('2024-04-11')).toBe('2024-05-01');
    expect(reportDueOn('2024-04-12')).toBe('2024-05-10');
    expect(periodsIgnored('2024-04-12').map((period) => period.from)).toEqual(['2024-05-02']);
  });

  it('holds each ordinary poll as data, the delayed 2021 poll included and 2028 marked unverified', () => {
    expect(ORDINARY_ELECTIONS.map((each) => each.poll)).toEqual([
      '2012-11-15',
      '2016-05-05',
      '2021-05-06',
      '2024-05-02',
      '2028-05-04',
    ]);
    expect(ORDINARY_ELECTIONS.filter((each) => !each.pollVerified).map((each) => each.poll)).toEqual([
      '2028-05-04',
    ]);
    expect(postElectionPeriods().find((each) => each.from === '2021-05-06')?.to).toBe('2021-05-13');
    expect(reportDueOn('2021-05-06')).toBe('2021-06-03');
  });

  it('describes a report against the date', () => {
    expect(describeReportTiming('2024-05-01', '2024-05-29')).toBe('On time: 29 May 2024, due by 29 May 2024');
    expect(describeReportTiming('2024-05-01', '2024-05-30')).toBe('Late: 30 May 2024, due by 29 May 2024');
  });
});

describe('the veto and the end of the confirmation process', () => {
  const base: ProcessState = {
    post: 'chief-constable',
    notifiedOn: '2024-05-01',
    reportedOn: null,
    vetoed: false,
    response: null,
    respondedOn: null,
  };

  it('gives a veto for a chief constable only, naming the rule for the others', () => {
    expect(vetoProblem('chief-constable')).toBeNull();
    for (const post of ['deputy-commissioner', 'chief-executive', 'chief-finance-officer'] as const)
      expect(vetoProblem(post)).toContain('PRSRA 2011 Sch 1 paras 9-10 give it a recommendation only');
  });

  it('ends when three weeks pass with no report, and not before (Sch 8 para 2(3))', () => {
    expect(confirmationEnd(base, '2024-05-29')).toMatchObject({ ended: false, on: null });
    expect(confirmationEnd(base, '2024-05-30')).toMatchObject({ ended: true, on: '2024-05-29' });
    expect(confirmationEnd(base, '2024-05-30').text).toContain('Sch 8 para 2(3)');
    const late = { ...base, reportedOn: '2024-06-03' };
    expect(confirmationEnd(late, '2024-06-04')).toMatchObject({ ended: true, on: '2024-05-29' });
  });

  it('waits after a report for the Commissioner’s notice, which ends it (paras 2(4), 7(3))', () => {
    const reported = { ...base, reportedOn: '2024-05-20' };
    expect(confirmationEnd(reported, '2024-07-01').ended).toBe(false);
    const answered = { ...reported, response: 'reject' as const, respondedOn: '2024-05-24' };
    expect(confirmationEnd(answered, '2024-07-01')).toMatchObject({ ended: true, on: '2024-05-24' });
    expect(confirmationEnd(answered, '2024-07-01').text).toContain('rejected');
  });

  it('after a veto says the candidate must not be appointed, and that Part 3 is not verified', () => {
    const vetoed = confirmationEnd({ ...base, reportedOn: '2024-05-20', vetoed: true }, '2024-05-21');
    expect(vetoed).toMatchObject({ ended: true, on: '2024-05-20' });
    expect(vetoed.text).toContain('must not be appointed (PRSRA 2011 Sch 8 para 8)');
    expect(vetoed.text).toContain('SI 2012/2271 Part 3');
  });
});
