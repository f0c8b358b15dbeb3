import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import type { JudgementsService } from './judgements.service.ts';

const INDICATORS_DIR = path.join(PROJECT_ROOT, 'data/demo/indicators');
const POPULATION_FILE = path.join(PROJECT_ROOT, 'data/demo/population/thames-valley-illustrative.csv');

/**
 * The demo's populations (illustrative, and labelled so) and indicator definitions, then every indicator
 * rebuilt from whatever police.uk months are loaded by now. Safe to repeat: the same files change nothing.
 * When the police.uk months load in the background, the import rebuilds the indicators again as it finishes.
 */
export async function seedDemoJudgements(
  judgements: JudgementsService,
  actor: Actor,
): Promise<{ indicators: number; populationRows: number }> {
  const population = await judgements.importPopulation(
    actor,
    POPULATION_FILE,
    fs.readFileSync(POPULATION_FILE, 'utf8'),
  );
  let indicators = 0;
  for (const { name, text } of readYamlFiles(INDICATORS_DIR))
    indicators += (await judgements.loadIndicatorFile(actor, parseIndicatorFile(text, name), name))
      .indicators;
  await judgements.refreshIndicators();
  return { indicators, populationRows: population.rows };
}
