import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { plural } from '../../kernel/formats/words.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { loadDeliveryFile } from './delivery.files.ts';
import type { DeliveryService } from './delivery.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/delivery');

/**
 * The demo delivery plans in data/demo/delivery, each loaded as an officer would load the file. Loading is
 * re-run safe, so seeding again changes nothing and reports nothing.
 */
export async function seedDemoDelivery(delivery: DeliveryService, actor: Actor): Promise<string[]> {
  let actions = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await loadDeliveryFile(delivery, actor, text, name);
    if (result.changes > 0) actions += result.actions;
  }
  return actions ? [plural(actions, 'delivery action')] : [];
}
