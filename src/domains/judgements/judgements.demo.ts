import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import { parsePopulationCsv } from './judgements.csv.ts';
import type { JudgementsService } from './judgements.service.ts';

const INDICATORS_DIR = path.join(PROJECT_ROOT, 'data/demo/indicators');
const POPULATION_FILE = path.join(PROJECT_ROOT, 'data/demo/population/thames-valley-illustrative.csv');

/**
 * The demo's populations (illustrative, and labelled so) and indicator definitions, then every indicator
 * rebuilt from whatever police.uk months are loaded by now. It adds only what is missing, so loading it again
 * never undoes what users changed since: populations load only while none are held for the demo's areas (a
 * user's ONS file stays), and an indicator loads only while no indicator has its slug (a user's edited
 * definition stays). When the police.uk months load in the background, the import rebuilds the indicators.
 */
export async function seedDemoJudgements(
  judgements: JudgementsService,
  actor: Actor,
): Promise<{ indicators: number; populationRows: number }> {
  const populationText = fs.readFileSync(POPULATION_FILE, 'utf8');
  const areaCodes = parsePopulationCsv(populationText, POPULATION_FILE).map((row) => row.areaCode);
  const populationRows = (await judgements.holdsPopulationFor(areaCodes))
    ? 0
    : (await judgements.importPopulation(actor, POPULATION_FILE, populationText)).rows;
  const existing = new Set(
    (await judgements.listIndicatorsToManage(actor)).map((indicator) => indicator.slug),
  );
  let indicators = 0;
  for (const { name, text } of readYamlFiles(INDICATORS_DIR)) {
    const file = parseIndicatorFile(text, name);
    const missing = file.indicators.filter((indicator) => !existing.has(indicator.slug));
    if (missing.length > 0)
      indicators += (await judgements.loadIndicatorFile(actor, { ...file, indicators: missing }, name))
        .indicators;
  }
  await judgements.refreshIndicators();
  return { indicators, populationRows };
}
