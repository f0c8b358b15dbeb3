import path from 'node:path';
import { PROJECT_ROOT } from '../../../kernel/assets/build-assets.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../../kernel/formats/yaml-file.ts';
import { parseRecordsFile } from './records.files.ts';
import type { ScrutinyRecordsService } from './records.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/scrutiny/records');

/**
 * The demo panels' records from data/demo/scrutiny/records: minutes, recommendations, groups and the work
 * programme. Run after the panel files, whose meetings they name. Safe to repeat: it adds what is missing
 * and leaves what users have changed since (approved minutes, edited entries) alone.
 */
export async function seedDemoScrutinyRecords(records: ScrutinyRecordsService, actor: Actor) {
  const totals = { groups: 0, minuteItems: 0, recommendations: 0, workProgrammeEntries: 0 };
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await records.importRecordsFile(actor, parseRecordsFile(text, name), 'add-missing');
    totals.groups += result.groups;
    totals.minuteItems += result.minuteItems;
    totals.recommendations += result.recommendations;
    totals.workProgrammeEntries += result.workProgrammeEntries;
  }
  return totals;
}
