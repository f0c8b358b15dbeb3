import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../composition.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { loadDeliveryFile } from '../delivery/delivery.files.ts';
import { seedScorecardFixture } from '../judgements/judgements.testing.ts';
import type { PackBlock } from './packs.content.ts';
import { CreateFormSchema } from './packs.schemas.ts';

const system = systemActor('test');

/** The form as an officer fills it in: Thames Valley's 2024–2029 plan, version 1. */
const form = (changes: Record<string, string> = {}) =>
  parseInput(CreateFormSchema, {
    body: 'thames-valley-pcc',
    plan: 'thames-valley-2024-2029:1',
    financialYear: '2024-25',
    quarter: '3',
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

/** The KSI measure's figure, as the pack shows it. */
function ksiFigure(blocks: PackBlock[]) {
  const measure = blocks.find((block) => block.kind === 'measure' && block.code === 'PC3.M1');
  if (measure?.kind !== 'measure') throw new Error('no PC3.M1 in the pack');
  return measure.figures[0];
}

/** The KSI measure's table rows (month and value). */
const ksiRows = (blocks: PackBlock[]) =>
  ksiFigure(blocks)?.table.rows.map((row) => [row[0]?.text, row[1]?.text]);

/**
 * A published force delivery plan with one action serving the KSI measure: due in the quarter, on track at its
 * end, completed after it.
 */
const DELIVERY_FILE = `format: peelian-delivery/1
plan: thames-valley-2024-2029
version: 1
owner: force
title: Force delivery plan
publishedOn: 2024-09-01
actions:
  - reference: KSI-1
    title: Speed enforcement on the worst roads
    owner: Roads policing
    startsOn: 2024-09-01
    dueOn: 2024-11-30
    measures: [PC3.M1]
    statuses:
      - { on: 2024-10-15, status: on-track, evidence: Cameras installed. }
      - { on: 2025-01-20, status: completed, evidence: Report filed. }
`;

const sectionsOf = (
  content: { priorities: { code: string; sections: { id: string; blocks: PackBlock[] }[] }[] },
  code: string,
) => content.priorities.find((priority) => priority.code === code)?.sections ?? [];

describe.each(testEngines())('performance packs, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;

  beforeAll(async () => {
    services = await seedScorecardFixture(database.current, { ksi: true });
  });

  it('draws a draft per priority from live data, judged on the months up to the quarter’s end', async () => {
    await loadDeliveryFile(services.delivery, system, DELIVERY_FILE, 'delivery.yaml');
    const { id } = await services.packs.createPack(system, form());
    const { content, row } = await services.packs.readPack(system, id);
    expect(row).toMatchObject({ status: 'draft', edition: 1, financialYear: 2024, quarter: 3 });
    expect(content.quarter.label).toBe('Quarter 3 2024-25 (October to December 2024)');
    expect(content.priorities.map((priority) => priority.code)).toContain('PC3');
    const [measures, decisions, delivery] = sectionsOf(content, 'PC3');
    // The KSI series runs January 2024 to February 2025; the quarter ends in December 2024.
    const rows = ksiRows(measures?.blocks ?? []);
    expect(rows?.at(0)).toEqual(['January 2024', '10.0']);
    expect(rows?.at(-1)).toEqual(['December 2024', '9.0']);
    expect(rows).toHaveLength(12);
    const figure = ksiFigure(measures?.blocks ?? []);
    expect(figure?.chart).toContain('<svg');
    expect(decisions?.blocks).toEqual([
      { kind: 'text', text: 'No published decision taken in the quarter concerns this.' },
    ]);
    // The action as it stood when the quarter ended: on track, its completion in January belongs to the next.
    const [actions] = delivery?.blocks ?? [];
    expect(
      actions?.kind === 'table' && actions.table.rows.map((row) => row.map((cell) => cell.text)),
    ).toEqual([
      [
        'KSI-1',
        'Speed enforcement on the worst roads',
        'The force: Roads policing',
        '2024-11-30',
        'On track',
      ],
    ]);
    expect(sectionsOf(content, 'PC1')[2]?.blocks).toEqual([
      {
        kind: 'text',
        text: 'No published delivery action serving this fell due or was completed in the quarter.',
      },
    ]);
    // A draft is its office's alone.
    await expect(services.packs.readPack(ANONYMOUS, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(services.packs.readIssuedPack(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('freezes an issued pack: new data changes a new edition, never the issued one; issuing twice is refused', async () => {
    const { id } = await services.packs.createPack(system, form({ quarter: '4' }));
    await services.packs.issuePack(system, id);
    const issued = await services.packs.readPack(ANONYMOUS, id);
    expect(issued.row.status).toBe('issued');

    // A corrected series: every month now 20.
    const corrected = `month,value\n${Array.from({ length: 14 }, (_, index) => `${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')},20`).join('\n')}\n`;
    await services.judgements.importSeries(system, 't-ksi', 'ksi-corrected.csv', corrected);

    const later = await services.packs.readPack(ANONYMOUS, id);
    expect(later.content).toEqual(issued.content);
    expect(ksiRows(sectionsOf(later.content, 'PC3')[0]?.blocks ?? [])?.at(-1)).toEqual([
      'February 2025',
      '30.0',
    ]);
    await expect(services.packs.issuePack(system, id)).rejects.toBeInstanceOf(ConflictError);
    await expect(
      database.current.db
        .updateTable('performancePack')
        .set({ meetingId: null })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/issued and cannot change/);

    const edition = await services.packs.createPack(system, form({ quarter: '4' }));
    const drawn = await services.packs.readPack(system, edition.id);
    expect(drawn.row.edition).toBe(2);
    expect(ksiRows(sectionsOf(drawn.content, 'PC3')[0]?.blocks ?? [])?.at(-1)).toEqual([
      'February 2025',
      '20.0',
    ]);
    expect((await services.packs.readIssuedPack(id)).content).toEqual(issued.content);
  });

  it('refuses a bad quarter, year or plan with the field, and a second draft of the same quarter', async () => {
    expect(await refusal(Promise.resolve().then(() => form({ quarter: '5' })))).toEqual([
      { field: 'quarter', message: 'Select the quarter' },
    ]);
    expect((await refusal(Promise.resolve().then(() => form({ financialYear: '2025-27' }))))[0]?.field).toBe(
      'financialYear',
    );
    expect(await refusal(services.packs.createPack(system, form({ financialYear: '2090-91' })))).toEqual([
      {
        field: 'quarter',
        message: 'Quarter 3 2090-91 (October to December 2090) has not started yet, so it has no figures',
      },
    ]);
    expect(
      (await refusal(services.packs.createPack(system, form({ plan: 'no-such-plan:1' }))))[0]?.field,
    ).toBe('plan');
    await services.packs.createPack(system, form({ quarter: '2' }));
    expect((await refusal(services.packs.createPack(system, form({ quarter: '2' }))))[0]?.field).toBe(
      'quarter',
    );
    const before = await database.current.db.selectFrom('performancePack').select('id').execute();
    await refusal(services.packs.createPack(system, form({ quarter: '2' })));
    expect(await database.current.db.selectFrom('performancePack').select('id').execute()).toEqual(before);
  });
});
