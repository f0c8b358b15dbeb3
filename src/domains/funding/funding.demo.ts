import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { plural } from '../../kernel/formats/words.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { loadFundsFile } from './funding.files.ts';
import type { FundingService } from './funding.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/funding');

/** The allocation the demo records, so that its letters can be read: it needs no police.uk months. */
export const DEMO_RECORDED = { fund: 'community-safety-fund', year: '2017-18' };

/**
 * The demo funds in data/demo/funding, each file loaded as an officer would load it, then the Community Safety
 * Fund's 2017/18 allocation recorded as its formula gives it. Re-run safe: seeding again changes nothing and
 * reports nothing.
 */
export async function seedDemoFunding(funding: FundingService, actor: Actor): Promise<string[]> {
  let funds = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const result = await loadFundsFile(funding, actor, text, name);
    funds += result.changes;
  }
  const allocation = await funding.readAllocation(actor, DEMO_RECORDED);
  if (!allocation.recorded) {
    const amounts = Object.fromEntries(
      allocation.worked.lines.map((line) => [line.code, String(line.amountPence)]),
    );
    await funding.recordAllocation(actor, DEMO_RECORDED, amounts);
  }
  return funds ? [plural(funds, 'fund')] : [];
}
