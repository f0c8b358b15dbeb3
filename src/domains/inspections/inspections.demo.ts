import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { loadInspectionsText } from './inspections.files.ts';
import type { InspectionsService } from './inspections.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/inspections');

/**
 * The demo inspections files in data/demo/inspections, loaded as an officer's file would be. The files match
 * reports by code and findings by number, so loading again changes nothing.
 */
export async function seedDemoInspections(inspections: InspectionsService, actor: Actor): Promise<string[]> {
  let loaded = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await loadInspectionsText(inspections, actor, text, name);
    if (result.changes) loaded += result.inspections;
  }
  return loaded ? [`${loaded} inspection report${loaded === 1 ? '' : 's'}`] : [];
}
