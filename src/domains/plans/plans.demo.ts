import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { parseCoverageFile, parsePlanFile } from './plans.files.ts';
import type { PlansService } from './plans.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/plans');

/**
 * The demo plans from data/demo/plans, each issued, then what the manifesto and the 2016 consultation asked
 * for. A plan already loaded is left alone, so seeding again loads nothing twice. The source documents give
 * no exact issue dates, so each demo plan's issue step carries an approximate date and says so.
 */
export async function seedDemoPlans(
  plans: PlansService,
  actor: Actor,
): Promise<{ plans: number; coverageSources: number }> {
  const texts = readYamlFiles(DEMO_DIR);
  const planFiles = texts.filter((file) => file.text.includes('format: peelian-plan/1'));
  const coverageFiles = texts.filter((file) => file.text.includes('format: peelian-coverage/1'));
  const existing = new Set((await plans.listPlans(actor)).map((entry) => entry.plan.slug));
  for (const { name, text } of planFiles) {
    const file = parsePlanFile(text, name);
    if (existing.has(file.plan.slug)) continue;
    await plans.importPlanFile(actor, file);
    await plans.recordStep(actor, file.plan.slug, {
      step: 'issued',
      // Not before the election it follows; the real date is unknown, and the note says so.
      occurredOn: [file.plan.termStart, file.plan.electionDate ?? ''].sort().at(-1) ?? file.plan.termStart,
      note: 'Demo data: an approximate date (the start of the term, or the election if later); the exact issue date is not in the source documents.',
      documents: file.plan.sourceUrl ? [{ title: 'Published plan', url: file.plan.sourceUrl }] : [],
    });
  }
  for (const { name, text } of coverageFiles)
    await plans.importCoverageFile(actor, parseCoverageFile(text, name));
  return { plans: planFiles.length, coverageSources: coverageFiles.length };
}
