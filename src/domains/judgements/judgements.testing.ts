import fs from 'node:fs';
import path from 'node:path';
import { buildServices, type Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import {
  STREET_HEADER,
  seedTestForceAreas,
  streetLine,
  writeTestFiles,
} from '../performance/performance.testing.ts';
import { parsePlanFile } from '../plans/index.ts';
import { parseIndicatorFile } from './indicators.files.ts';

export const FORCE = 'E23000029';
export const READING = 'E06000038';
export const OXFORD = 'E07000178';
export const OXFORDSHIRE = 'E10000025';
const READING_LSOA: [string, string] = ['E01016300', 'Reading 001A'];
const OXFORD_LSOA: [string, string] = ['E01028500', 'Oxford 001A'];

const PLAN = 'thames-valley-2024-2029';

/** Indicators over the test months below, linked to measures of the demo 2024–2029 plan. */
/** An indicator's figures for one area, by month (YYYY-MM), as the tests compare them. */
export async function indicatorValuesByMonth(database: TestDatabase, slug: string, area: string) {
  const rows = await database.db
    .selectFrom('indicatorValue as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicatorId')
    .select(['v.month', 'v.value'])
    .where('i.slug', '=', slug)
    .where('v.areaCode', '=', area)
    .orderBy('v.month')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.month.slice(0, 7), row.value]));
}

export const TEST_INDICATORS = `format: peelian-indicators/1
forceArea: thames-valley
indicators:
  - slug: t-burglary
    title: Burglaries
    kind: crime-count
    crimeTypes: [Burglary]
    source: police.uk test files
    unit: crimes
    geography: local-authority
    description: Burglaries each month.
    measures: [{ plan: ${PLAN}, measure: PPR1.M1 }]
  - slug: t-priority
    title: Priority crimes
    kind: crime-count
    crimeTypes: [Burglary, Shoplifting, Vehicle crime]
    source: police.uk test files
    unit: crimes
    geography: local-authority
    description: Priority crimes each month.
    measures: [{ plan: ${PLAN}, measure: PC1.M1 }]
  - slug: t-priority-rate
    title: Priority crimes per 1,000 residents
    kind: crime-rate
    crimeTypes: [Burglary, Shoplifting, Vehicle crime]
    source: police.uk test files and test populations
    unit: crimes per 1,000 residents
    geography: local-authority
    description: The same, per 1,000 residents.
    measures: [{ plan: ${PLAN}, measure: PC1.M1 }]
  - slug: t-asb
    title: Anti-social behaviour
    kind: crime-count
    crimeTypes: [Anti-social behaviour]
    source: police.uk test files
    unit: incidents
    geography: local-authority
    description: Incidents each month.
    measures: [{ plan: ${PLAN}, measure: PC4.M1 }]
  - slug: t-burglary-charged
    title: Burglaries charged
    kind: outcome-share
    crimeTypes: [Burglary]
    outcomeCategories: [Awaiting court outcome, Offender fined]
    source: police.uk test files
    unit: per cent of burglaries
    geography: local-authority
    description: The per cent charged.
    measures: [{ plan: ${PLAN}, measure: PPR1.M2 }]
  - slug: t-ksi
    title: Killed or seriously injured
    kind: series
    source: A test file
    unit: people
    geography: force-area
    description: Road casualties each month.
    measures: [{ plan: ${PLAN}, measure: PC3.M1 }]
`;

export const TEST_POPULATION = `area_code,year,population,source
${FORCE},2025,100000,Test figures
${READING},2025,10000,Test figures
${OXFORD},2025,20000,Test figures
`;

/** Fourteen months in a row for t-ksi, the last far above the rest: a concern when fewer is better. */
export const KSI_SERIES = `month,value\n${[10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9, 10, 30]
  .map(
    (value, index) =>
      `${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')},${value}`,
  )
  .join('\n')}\n`;

let crimeId = 0;
const line = (month: string, type: string, options: { outcome?: string; lsoa?: [string, string] } = {}) => {
  crimeId += 1;
  return streetLine({ id: type === 'Anti-social behaviour' ? null : crimeId, month, type, ...options });
};
const times = (n: number, make: () => string) => Array.from({ length: n }, make);

/**
 * Street files for January, February and April 2025 (March missing: a gap). Per month — burglaries in Reading:
 * 3 (1 awaiting court), 1, 2 (both fined); shoplifting in Oxford: 2, 0, 0; vehicle crime without a location:
 * 1, 0, 0; anti-social behaviour: 4, 2, 1.
 */
export function testStreetFiles(): Record<string, string> {
  const months: Record<string, string[]> = {
    '2025-01': [
      line('2025-01', 'Burglary', { outcome: 'Awaiting court outcome', lsoa: READING_LSOA }),
      ...times(2, () => line('2025-01', 'Burglary', { outcome: 'Under investigation', lsoa: READING_LSOA })),
      ...times(2, () => line('2025-01', 'Shoplifting', { lsoa: OXFORD_LSOA })),
      line('2025-01', 'Vehicle crime'),
      ...times(4, () => line('2025-01', 'Anti-social behaviour', { lsoa: READING_LSOA })),
    ],
    '2025-02': [
      line('2025-02', 'Burglary', { outcome: 'Unable to prosecute suspect', lsoa: READING_LSOA }),
      ...times(2, () => line('2025-02', 'Anti-social behaviour', { lsoa: OXFORD_LSOA })),
    ],
    '2025-04': [
      ...times(2, () => line('2025-04', 'Burglary', { outcome: 'Offender fined', lsoa: READING_LSOA })),
      line('2025-04', 'Anti-social behaviour'),
    ],
  };
  return Object.fromEntries(
    Object.entries(months).map(([month, rows]) => [
      `${month}/${month}-thames-valley-street.csv`,
      `${[STREET_HEADER, ...rows].join('\n')}\n`,
    ]),
  );
}

/**
 * The Thames Valley office, of the force area's (already seeded) record, with the demo 2024–2029 plan issued
 * in June 2024: what the office decides is checked against that plan, as in the demo.
 */
export async function issueDemoPlanToOffice(database: TestDatabase, services: Services) {
  const actor = systemActor('test');
  const { id: forceAreaId } = await database.db
    .selectFrom('forceArea')
    .select('id')
    .where('slug', '=', 'thames-valley')
    .executeTakeFirstOrThrow();
  await createTestBody(database.db, 'thames-valley-pcc', 'policing-body', forceAreaId);
  const planText = fs.readFileSync(path.join(PROJECT_ROOT, `data/demo/plans/${PLAN}.yaml`), 'utf8');
  await services.plans.importPlanFile(actor, parsePlanFile(planText));
  await services.plans.recordStep(actor, PLAN, {
    step: 'issued',
    occurredOn: '2024-06-01',
    note: null,
    documents: [],
  });
}

/**
 * Thames Valley with the demo 2024–2029 plan issued, the test police.uk months imported, the test indicators
 * and populations loaded (so every indicator is rebuilt), and, if asked, the KSI series.
 */
export async function seedScorecardFixture(
  database: TestDatabase,
  options: { ksi?: boolean } = {},
): Promise<Services> {
  const actor = systemActor('test');
  await seedTestForceAreas(database);
  const services = buildServices(database, TEST_URLS);
  await issueDemoPlanToOffice(database, services);
  const files = await writeTestFiles(testStreetFiles());
  try {
    const report = await services.performance.imports.importPoliceUk(actor, [files.dir], {
      origin: 'command-line',
    });
    if (report.status !== 'succeeded') throw new Error(`test import failed: ${report.error}`);
  } finally {
    await files.remove();
  }
  await services.judgements.importPopulation(actor, 'population.csv', TEST_POPULATION);
  await services.judgements.loadIndicatorFile(
    actor,
    parseIndicatorFile(TEST_INDICATORS, 'test.yaml'),
    'test.yaml',
  );
  if (options.ksi) await services.judgements.importSeries(actor, 't-ksi', 'ksi.csv', KSI_SERIES);
  return services;
}
