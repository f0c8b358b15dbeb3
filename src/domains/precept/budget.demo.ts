import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { plural } from '../../kernel/formats/words.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { loadBudgetFile } from './budget.files.ts';
import type { BudgetService } from './budget.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/budget');
const DEMO_BODY = 'thames-valley-pcc';

/**
 * The demo budgets in data/demo/budget, loaded as the OPCC would load them: Thames Valley's 2017-18, every
 * figure illustrative (the seed documents give none; the file says what they do give). Skipped where the
 * demo's office is not present; a second load changes nothing and reports nothing.
 */
export async function seedDemoBudget(budget: BudgetService, actor: Actor): Promise<string[]> {
  try {
    await budget.readBudgetBody(DEMO_BODY);
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw error;
  }
  let loaded = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await loadBudgetFile(budget, actor, text, name);
    if (result.changed) loaded += 1;
  }
  return loaded ? [plural(loaded, 'illustrative budget year')] : [];
}
