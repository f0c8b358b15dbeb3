import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { ANONYMOUS, systemActor } from '../../kernel/auth/actor.ts';
import { userWith } from '../../kernel/auth/auth.testing.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import type { PlanFile } from './plans.file-schema.ts';
import { parseCoverageFile, parsePlanFile } from './plans.files.ts';
import type { PlanStep } from './plans.tables.ts';

const demoDir = path.join(PROJECT_ROOT, 'data/demo/plans');
const demoPlan = parsePlanFile(fs.readFileSync(path.join(demoDir, 'thames-valley-2024-2029.yaml'), 'utf8'));
const system = systemActor('test');

function withSlug(file: PlanFile, slug: string): PlanFile {
  return structuredClone({ ...file, plan: { ...file.plan, slug } });
}

describe.each(testEngines())('plans on %s', (engine) => {
  const database = useTestDatabase(engine);
  let services: Services;

  /** Records a step of a plan's current version, with no note or documents. */
  const recordStep = (slug: string, step: PlanStep, occurredOn: string) =>
    services.plans.recordStep(system, slug, { step, occurredOn, note: null, documents: [] });

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    await services.areas.seedDemoAreas(system);
    await createTestBody(database.current.db, 'thames-valley-pcc');
  });

  it('imports a plan file as a draft and exports exactly the same file', async () => {
    const file = withSlug(demoPlan, 'round-trip');
    const { changes } = await services.plans.importPlanFile(system, file);
    expect(changes).toBeGreaterThan(15);
    expect(await services.plans.exportPlanFile(system, 'round-trip')).toEqual(file);
  });

  it('loading the same file twice changes nothing and records nothing more', async () => {
    const file = withSlug(demoPlan, 'twice');
    const first = await services.plans.importPlanFile(system, file);
    const auditCount = async () =>
      (
        await database.current.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit_event WHERE record_type LIKE 'plan%'",
        )
      )[0]?.n;
    const before = await auditCount();
    const second = await services.plans.importPlanFile(system, file);
    expect(second).toEqual({ ...first, changes: 0 });
    expect(await auditCount()).toBe(before);
  });

  it('keeps an issued version unchanged: new content becomes version 2, and the changes are listed', async () => {
    const file = withSlug(demoPlan, 'versioned');
    await services.plans.importPlanFile(system, file);
    await recordStep('versioned', 'issued', '2025-03-27');
    const varied = structuredClone(file);
    const firstPriority = varied.pillars[0]?.priorities[0];
    if (!firstPriority) throw new Error('fixture');
    firstPriority.title = `${firstPriority.title} (revised)`;
    await expect(services.plans.importPlanFile(system, varied)).rejects.toThrow(
      /Version 1 of versioned is issued and cannot change: start a variation/,
    );
    await services.plans.startVariation(system, 'versioned');
    await services.plans.importPlanFile(system, varied);

    const v1 = await services.plans.readPlan(ANONYMOUS, 'versioned', 1);
    expect(v1.version.state).toBe('issued');
    expect(v1.tree.pillars[0]?.priorities[0]?.title).toBe(file.pillars[0]?.priorities[0]?.title);
    const { changes } = await services.plans.compareVersions(system, 'versioned', 1, 2);
    expect(changes).toEqual([
      {
        kind: 'priority',
        code: firstPriority.code,
        change: 'renamed',
        before: file.pillars[0]?.priorities[0]?.title,
        after: firstPriority.title,
      },
    ]);
  });

  it('hides drafts from the public and from other bodies', async () => {
    await services.plans.importPlanFile(system, withSlug(demoPlan, 'draft-only'));
    await expect(services.plans.readPlan(ANONYMOUS, 'draft-only')).rejects.toThrow(NotFoundError);
    expect((await services.plans.listPlans(ANONYMOUS)).map((entry) => entry.plan.slug)).not.toContain(
      'draft-only',
    );
    expect((await services.plans.readPlan(system, 'draft-only')).version.state).toBe('draft');
  });

  it('refuses steps out of order with a reason, and variations while a draft exists', async () => {
    await services.plans.importPlanFile(system, withSlug(demoPlan, 'steps'));
    await expect(recordStep('steps', 'reviewed', '2025-01-01')).rejects.toThrow(/has not been issued yet/);
    await expect(services.plans.startVariation(system, 'steps')).rejects.toThrow(/already has a draft/);
    await recordStep('steps', 'issued', '2025-03-01');
    expect(await services.plans.startVariation(system, 'steps')).toEqual({ versionNumber: 2 });
    const { changes } = await services.plans.compareVersions(system, 'steps', 1, 2);
    expect(changes).toEqual([]);
  });

  it('asks for a re-consultation when the draft changes after the chief constable was consulted', async () => {
    const file = withSlug(demoPlan, 'reconsult');
    await services.plans.importPlanFile(system, file);
    await recordStep('reconsult', 'chief-constable-consulted', '2024-11-01');
    const reconsult = async () =>
      (await services.plans.readPlan(system, 'reconsult')).lifecycle.warnings.filter((warning) =>
        warning.includes('re-consult'),
      );
    expect(await reconsult()).toEqual([]);
    const changed = structuredClone(file);
    const measure = changed.pillars[0]?.priorities[0]?.measures[0];
    if (!measure) throw new Error('fixture');
    measure.text = `${measure.text}, reported monthly`;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await services.plans.importPlanFile(system, changed);
    expect(await reconsult()).toEqual([
      'The draft has changed since the chief constable was consulted on 2024-11-01: re-consult the chief constable on the changes.',
    ]);
  });

  it('saves a draft priority edit that changes only the summary, and asks for a re-consultation', async () => {
    const file = withSlug(demoPlan, 'summary-edit');
    await services.plans.importPlanFile(system, file);
    await recordStep('summary-edit', 'chief-constable-consulted', '2024-11-01');
    const priority = file.pillars[0]?.priorities[0];
    if (!priority) throw new Error('fixture');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await services.plans.editDraftPriority(system, 'summary-edit', priority.code, {
      title: priority.title,
      summary: 'A new summary written after the consultation',
      measures: priority.measures,
    });
    expect(edited).toEqual({ changes: 1 });
    const read = await services.plans.readPlan(system, 'summary-edit', 'draft');
    expect(read.tree.pillars[0]?.priorities[0]?.summary).toBe('A new summary written after the consultation');
    expect(read.lifecycle.warnings.some((warning) => warning.includes('re-consult'))).toBe(true);
  });

  it('refuses a measure edit for a measure the priority does not have, naming it', async () => {
    const file = withSlug(demoPlan, 'stray-measure');
    await services.plans.importPlanFile(system, file);
    const priority = file.pillars[0]?.priorities[0];
    if (!priority) throw new Error('fixture');
    await expect(
      services.plans.editDraftPriority(system, 'stray-measure', priority.code, {
        title: priority.title,
        summary: null,
        measures: [{ code: 'NOT-HERE', text: 'x', direction: 'increase' }],
      }),
    ).rejects.toThrow(/NOT-HERE/);
  });

  it('lets only OPCC officers of the owning body edit', async () => {
    const other = await createTestBody(database.current.db, 'other-pcc');
    const outsider = userWith({ role: 'opcc-officer', bodyId: other });
    await expect(services.plans.importPlanFile(outsider, withSlug(demoPlan, 'not-yours'))).rejects.toThrow(
      ForbiddenError,
    );
    const unknownBody = structuredClone(withSlug(demoPlan, 'orphan'));
    unknownBody.plan.body = 'no-such-body';
    await expect(services.plans.importPlanFile(system, unknownBody)).rejects.toThrow(ValidationError);
  });

  it('shows what a manifesto asked for that the plan does not cover, and priorities nobody asked for', async () => {
    await services.plans.importPlanFile(system, withSlug(demoPlan, 'thames-valley-2024-2029'));
    await recordStep('thames-valley-2024-2029', 'issued', '2024-06-01');
    const manifesto = parseCoverageFile(
      fs.readFileSync(path.join(demoDir, 'manifesto-2020-2025.yaml'), 'utf8'),
    );
    await services.plans.importCoverageFile(system, manifesto);
    await services.plans.importCoverageFile(system, manifesto);
    const report = await services.plans.coverageReport(ANONYMOUS, 'thames-valley-2024-2029');
    const [source] = report.sources;
    expect(source?.points).toHaveLength(manifesto.points.length);
    const gaps = source?.points.filter((point) => !point.covered).map((point) => point.code) ?? [];
    expect(gaps).toEqual(
      manifesto.points.filter((point) => point.priorities.length === 0).map((point) => point.code),
    );
    expect(gaps.length).toBeGreaterThan(0);
    const asked = new Set(manifesto.points.flatMap((point) => point.priorities));
    expect(report.unaskedPriorities.every((priority) => !asked.has(priority.code))).toBe(true);
  });
});
