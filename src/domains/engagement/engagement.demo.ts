import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { plural } from '../../kernel/formats/words.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { loadSurveyFile } from './engagement.files.ts';
import type { EngagementService } from './engagement.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/engagement');

/**
 * The demo surveys in data/demo/engagement, each loaded as an officer would, and beside each `<slug>.yaml` its
 * `<slug>.responses.csv` imported once (the responses an office would have gathered on paper and at events).
 * Re-run safe: a survey already holding responses is not given them again.
 */
export async function seedDemoEngagement(engagement: EngagementService, actor: Actor): Promise<string[]> {
  let surveys = 0;
  let responses = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await loadSurveyFile(engagement, actor, text, name);
    surveys += result.changed;
    const csvName = name.replace(/\.yaml$/, '.responses.csv');
    const csvPath = path.join(DEMO_DIR, csvName);
    if (!fs.existsSync(csvPath)) continue;
    const analysis = await engagement.readAnalysis(actor, result.survey);
    if (analysis.results.responses) continue;
    const imported = await engagement.importResponses(actor, result.survey, {
      text: fs.readFileSync(csvPath, 'utf8'),
      fileName: csvName,
    });
    responses += imported.imported;
  }
  return [
    ...(surveys ? [plural(surveys, 'survey')] : []),
    ...(responses ? [plural(responses, 'survey response')] : []),
  ];
}
