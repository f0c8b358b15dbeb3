import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  type CoverageFile,
  CoverageFileSchema,
  type PlanFile,
  PlanFileSchema,
  PlanStepsFileSchema,
} from './plans.file-schema.ts';

const DIR = path.join(import.meta.dirname, '../../../data/demo/plans');

/** Parses a YAML file and validates it, returning the data and every issue as "path: message". */
function check<T extends z.ZodType>(file: string, schema: T): { data: z.infer<T> | null; issues: string[] } {
  const result = schema.safeParse(parse(fs.readFileSync(path.join(DIR, file), 'utf8')));
  if (result.success) return { data: result.data, issues: [] };
  return {
    data: null,
    issues: result.error.issues.map(
      (issue) => `${file} ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    ),
  };
}

function load<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const { data, issues } = check(file, schema);
  expect(issues).toEqual([]);
  return data as z.infer<T>;
}

const priorityCodes = (plan: PlanFile) =>
  new Set(plan.pillars.flatMap((pillar) => pillar.priorities.map((priority) => priority.code)));

const mappedCodes = (coverage: CoverageFile) => coverage.points.flatMap((point) => point.priorities);

describe('demo plan files', () => {
  it('every YAML file validates against the schema its format names', () => {
    const files = fs.readdirSync(DIR).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const issues = files.flatMap((file) => {
      const { format } = parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { format?: string };
      if (format === 'peelian-plan/1') return check(file, PlanFileSchema).issues;
      if (format === 'peelian-coverage/1') return check(file, CoverageFileSchema).issues;
      if (format === 'peelian-plan-steps/1') return check(file, PlanStepsFileSchema).issues;
      return [`${file} format: unknown format ${format}`];
    });
    expect(issues).toEqual([]);
  });

  it('2024–2029: three pillars, fifteen priorities, each with at least one measure', () => {
    const plan = load('thames-valley-2024-2029.yaml', PlanFileSchema);
    expect(plan.plan).toMatchObject({
      slug: 'thames-valley-2024-2029',
      body: 'thames-valley-pcc',
      forceArea: 'thames-valley',
      authorName: 'Matthew Barber',
      electionDate: '2024-05-02',
    });
    expect(plan.pillars.map((pillar) => pillar.title)).toEqual([
      'Protecting Communities',
      'Protecting People',
      'Protecting Property',
    ]);
    const priorities = plan.pillars.flatMap((pillar) => pillar.priorities);
    expect(priorities).toHaveLength(15);
    for (const pillar of plan.pillars) expect(pillar.priorities).toHaveLength(5);
    const withoutMeasures = priorities.filter((priority) => priority.measures.length === 0);
    expect(withoutMeasures.map((priority) => priority.code)).toEqual([]);
    expect(plan.enablers.length).toBeGreaterThan(0);
    expect(plan.strategicPolicingRequirement).toHaveLength(7);
    expect(plan.nationalMeasures).toHaveLength(6);
  });

  it('2017–2021: five strategic priorities, each with at least one key aim', () => {
    const plan = load('thames-valley-2017-2021.yaml', PlanFileSchema);
    expect(plan.plan).toMatchObject({
      slug: 'thames-valley-2017-2021',
      authorName: 'Anthony Stansfeld',
      electionDate: '2016-05-05',
    });
    const priorities = plan.pillars.flatMap((pillar) => pillar.priorities);
    expect(priorities).toHaveLength(5);
    const withoutAims = priorities.filter((priority) => priority.aims.length === 0);
    expect(withoutAims.map((priority) => priority.code)).toEqual([]);
  });

  it('manifesto 2020–2025: maps only to 2024–2029 priorities, and shows what the plan leaves out', () => {
    const plan = load('thames-valley-2024-2029.yaml', PlanFileSchema);
    const manifesto = load('manifesto-2020-2025.yaml', CoverageFileSchema);
    expect(manifesto.source).toMatchObject({
      kind: 'manifesto',
      author: 'Matthew Barber',
      publishedOn: '2020-01-31',
      plan: plan.plan.slug,
    });
    expect(new Set(manifesto.points.map((point) => point.group)).size).toBe(5);
    const known = priorityCodes(plan);
    expect(mappedCodes(manifesto).filter((code) => !known.has(code))).toEqual([]);
    expect(manifesto.points.filter((point) => point.priorities.length === 0).length).toBeGreaterThan(0);
    // The 2024–2029 plan says nothing about illegal encampments: none of that priority's points is answered.
    const encampments = manifesto.points.filter((point) => point.group === 'Tackling illegal encampments');
    expect(encampments.length).toBeGreaterThan(0);
    expect(encampments.flatMap((point) => point.priorities)).toEqual([]);
  });

  it('consultation 2016: maps only to 2017–2021 priorities, and shows the rural-crime gap', () => {
    const plan = load('thames-valley-2017-2021.yaml', PlanFileSchema);
    const consultation = load('consultation-2016.yaml', CoverageFileSchema);
    expect(consultation.source.plan).toBe(plan.plan.slug);
    const known = priorityCodes(plan);
    expect(mappedCodes(consultation).filter((code) => !known.has(code))).toEqual([]);
    const rural = consultation.points.filter((point) => /rural crime/i.test(point.text));
    expect(rural.length).toBeGreaterThan(0);
    expect(rural.flatMap((point) => point.priorities)).toEqual([]);
  });
});
