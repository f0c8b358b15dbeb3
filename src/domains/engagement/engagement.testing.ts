import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../kernel/calendar/index.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';

export const OFFICE = 'thames-valley-pcc';
export const READING = 'E06000038';
export const SLOUGH = 'E06000039';

/** A day relative to today (London), so that a survey is open or closed whenever the tests run. */
export const daysFromToday = (days: number) => addDays(londonDateOf(new Date()), days);

/**
 * A survey file for the tests: a single choice (safe), a multiple choice (worries), free text (say), the area,
 * age and sex; open from a month ago for another month unless dates are given. `extra` adds question lines.
 */
export function surveyFile(
  options: {
    slug?: string;
    audience?: string;
    opensOn?: string;
    closesOn?: string;
    retentionDays?: number;
    extra?: string;
  } = {},
): string {
  return `format: peelian-survey/1
body: ${OFFICE}
slug: ${options.slug ?? 'test-survey'}
title: Test survey
summary: A survey for the tests.
audience: ${options.audience ?? 'adult'}
opensOn: ${options.opensOn ?? daysFromToday(-30)}
closesOn: ${options.closesOn ?? daysFromToday(30)}
retentionDays: ${options.retentionDays ?? 365}
privacyNotice: Answers are kept for a year after the survey closes.
questions:
  - code: safe
    kind: single
    text: How safe do you feel?
    required: true
    options:
      - { code: safe, label: Safe }
      - { code: unsafe, label: Unsafe }
  - code: worries
    kind: multiple
    text: What worries you?
    options:
      - { code: burglary, label: Burglary }
      - { code: speeding, label: Speeding }
  - code: say
    kind: text
    text: Anything else?
  - code: area
    kind: area
    text: Where do you live?
  - code: age
    kind: age-band
    text: Your age
  - code: sex
    kind: sex
    text: Your sex
${options.extra ?? ''}`;
}

/** Thames Valley's areas and its Commissioner's office: what a survey is loaded against. */
export async function seedEngagementFixture(database: TestDatabase, services: Services) {
  await services.areas.seedDemoAreas(systemActor('test'));
  const area = await database.db
    .selectFrom('areasPublishedForceArea')
    .select('id')
    .where('slug', '=', 'thames-valley')
    .executeTakeFirstOrThrow();
  return { officeId: await createTestBody(database.db, OFFICE, 'policing-body', area.id) };
}

/** CSV lines of `count` paper responses, each answering safe and the area as given. */
export function responseLines(count: number, safe: string, area = READING, worries = 'burglary'): string[] {
  return Array.from({ length: count }, () => `paper,,${safe},${worries},,${area}`);
}
export const CSV_HEADER = 'channel,received_on,safe,worries,say,area';
