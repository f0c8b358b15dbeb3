import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { dateField, optionalDateField, timeField, withDateParts } from './form-fields.ts';
import { parseInput } from './form-validation.ts';

const Form = withDateParts(
  ['occurredOn', 'dueOn'],
  z.object({
    occurredOn: dateField('The date it happened'),
    dueOn: optionalDateField('The due date'),
  }),
);

function problems(body: Record<string, string>) {
  try {
    parseInput(Form, body);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  return [];
}

const date = (day: string, month: string, year: string) => ({
  'occurredOn-day': day,
  'occurredOn-month': month,
  'occurredOn-year': year,
});

describe('GOV.UK date input parts', () => {
  it('reads day, month and year into an ISO date, accepting month names and short years of 4 digits only', () => {
    expect(parseInput(Form, date('7', '3', '2025'))).toEqual({ occurredOn: '2025-03-07', dueOn: null });
    expect(parseInput(Form, date(' 07 ', 'March', '2025')).occurredOn).toBe('2025-03-07');
    expect(parseInput(Form, date('31', 'dec', '2024')).occurredOn).toBe('2024-12-31');
    expect(
      parseInput(Form, {
        ...date('1', '1', '2025'),
        'dueOn-day': '2',
        'dueOn-month': '2',
        'dueOn-year': '2026',
      }).dueOn,
    ).toBe('2026-02-02');
  });

  it('names the missing or wrong part', () => {
    expect(problems(date('', '', ''))).toEqual([
      { field: 'occurredOn', message: 'Enter the date it happened' },
    ]);
    expect(problems(date('7', '', '2025'))).toEqual([
      { field: 'occurredOn', message: 'The date it happened must include a month' },
    ]);
    expect(problems(date('', '', '2025'))).toEqual([
      { field: 'occurredOn', message: 'The date it happened must include a day and month' },
    ]);
    expect(problems(date('7', '3', ''))[0]?.message).toBe('The date it happened must include a year');
    expect(problems(date('31', '2', '2025'))[0]?.message).toBe('The date it happened must be a real date');
    expect(problems(date('7', '13', '2025'))[0]?.message).toBe('The date it happened must be a real date');
    expect(problems(date('7', '3', '25'))[0]?.message).toBe('Year must include 4 numbers');
    expect(problems({ ...date('1', '1', '2025'), 'dueOn-day': '2' })).toEqual([
      { field: 'dueOn', message: 'The due date must include a month and year' },
    ]);
  });
});

describe('times', () => {
  const Time = z.object({ time: timeField('The start time') });
  const read = (time: string) => parseInput(Time, { time }).time;

  it.each([
    ['11:00', '11:00'],
    ['9:05', '09:05'],
    ['11am', '11:00'],
    ['2:30pm', '14:30'],
    ['2.30 PM', '14:30'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['1430', '14:30'],
    ['noon', '12:00'],
  ])('accepts 24-hour HH:MM and the ways people write times: %s is %s', (typed, time) => {
    expect(read(typed)).toBe(time);
  });

  it('refuses what is not a time with a hint', () => {
    for (const bad of ['25:00', '13pm', '11:60', 'soon', ''])
      expect(() => read(bad), bad).toThrow(
        /The start time must be a time, like 14:30 or 2:30pm|Enter the start time/,
      );
  });
});
