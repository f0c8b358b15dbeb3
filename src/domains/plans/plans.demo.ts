import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import type { PlanFile, PlanStepsFile } from './plans.file-schema.ts';
import { parseCoverageFile, parsePlanFile, parsePlanStepsFile } from './plans.files.ts';
import type { PlansService } from './plans.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/plans');

/**
 * The demo plans from data/demo/plans, each issued, then what the manifesto and the 2016 consultation asked
 * for. A plan already loaded is left alone, so seeding again loads nothing twice. Each plan's steps are
 * recorded on the days its `*.steps.yaml` file gives from the source documents; a plan whose issue date
 * those documents do not give is issued on an approximate date, and its note says so.
 */
export async function seedDemoPlans(
  plans: PlansService,
  actor: Actor,
): Promise<{ plans: number; coverageSources: number }> {
  const texts = readYamlFiles(DEMO_DIR);
  const ofFormat = (format: string) => texts.filter((file) => file.text.includes(`format: ${format}`));
  const planFiles = ofFormat('peelian-plan/1');
  const stepFiles = ofFormat('peelian-plan-steps/1').map(({ name, text }) => parsePlanStepsFile(text, name));
  const existing = new Set((await plans.listPlans(actor)).map((entry) => entry.plan.slug));
  for (const { name, text } of planFiles) {
    const file = parsePlanFile(text, name);
    if (existing.has(file.plan.slug)) continue;
    await plans.importPlanFile(actor, file);
    const steps = stepFiles.find((steps) => steps.plan === file.plan.slug)?.steps ?? [];
    for (const step of withIssue(file, steps)) await plans.recordStep(actor, file.plan.slug, step);
  }
  const coverageFiles = ofFormat('peelian-coverage/1');
  for (const { name, text } of coverageFiles)
    await plans.importCoverageFile(actor, parseCoverageFile(text, name));
  return { plans: planFiles.length, coverageSources: coverageFiles.length };
}

/** The plan's recorded steps, ending with its issue: the recorded one, or else one on an approximate date. */
function withIssue(file: PlanFile, steps: PlanStepsFile['steps']) {
  const published = file.plan.sourceUrl ? [{ title: 'Published plan', url: file.plan.sourceUrl }] : [];
  const recorded = steps.map((step) => ({
    ...step,
    documents: step.step === 'issued' ? published : [],
  }));
  if (steps.some((step) => step.step === 'issued')) return recorded;
  return [
    ...recorded,
    {
      step: 'issued' as const,
      // Not before the election it follows; the real date is unknown, and the note says so.
      occurredOn: [file.plan.termStart, file.plan.electionDate ?? ''].sort().at(-1) ?? file.plan.termStart,
      note: 'Demo data: an approximate date (the start of the term, or the election if later); the exact issue date is not in the source documents.',
      documents: published,
    },
  ];
}
