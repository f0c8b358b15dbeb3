import { describe, expect, it } from 'vitest';
import { describeLateness, effectiveDueOn, publicationDueOn, workingDaysLate } from './decisions.clock.ts';

describe('the publication clock', () => {
  it('gives one working day, passing weekends and England and Wales bank holidays', () => {
    expect(publicationDueOn('2016-12-14')).toBe('2016-12-15'); // Wednesday → Thursday
    expect(publicationDueOn('2016-12-16')).toBe('2016-12-19'); // Friday → Monday
    expect(publicationDueOn('2016-12-23')).toBe('2016-12-28'); // Christmas and Boxing Day substitutes
    expect(publicationDueOn('2024-05-03')).toBe('2024-05-07'); // early May bank holiday
  });

  it('moves the due day to a deferred date, never earlier', () => {
    expect(effectiveDueOn('2024-05-07', null)).toBe('2024-05-07');
    expect(effectiveDueOn('2024-05-07', '2024-06-01')).toBe('2024-06-03'); // a Saturday → Monday
    expect(effectiveDueOn('2024-05-07', '2024-05-01')).toBe('2024-05-07');
  });

  it('counts lateness in working days, and says it', () => {
    expect(workingDaysLate('2016-12-19', '2016-12-19')).toBe(0);
    expect(workingDaysLate('2016-12-19', '2016-12-21')).toBe(2);
    expect(workingDaysLate('2016-12-23', '2016-12-28')).toBe(1); // over Christmas
    expect(workingDaysLate('2024-05-03', '2024-05-04')).toBe(1); // the Saturday after
    expect(describeLateness(2, '2016-12-21')).toBe('Published 2 working days late, 21 December 2016');
    expect(describeLateness(0, '2016-12-19')).toBe('Published on time, 19 December 2016');
  });
});
