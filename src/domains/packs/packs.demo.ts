import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { parseYamlFile, readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { CreateFormSchema } from './packs.schemas.ts';
import type { PacksService } from './packs.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/packs');

const Text = z.string().trim().min(1);

/** A packs file (`format: peelian-packs/1`): packs to issue, each as its form is filled in, the meeting by title. */
const PacksFile = z.object({
  format: z.literal('peelian-packs/1'),
  packs: z.array(
    z.object({
      body: Text,
      plan: Text,
      version: z.number().int().positive(),
      financialYear: Text,
      quarter: z.number().int(),
      meeting: Text.optional(),
    }),
  ),
});

/**
 * The demo packs in data/demo/packs, each started and issued through the use-cases as an officer would. A
 * pack whose quarter already has one is left alone, so loading again changes nothing. Issuing freezes the
 * figures, so it waits for any police.uk months still loading.
 */
export async function seedDemoPacks(packs: PacksService, actor: Actor): Promise<string[]> {
  let issued = 0;
  const existing = await packs.listPacksFor(actor);
  const { meetings } = await packs.formChoices(actor);
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    for (const entry of parseYamlFile(PacksFile, text, name).packs) {
      const financialYear = Number(entry.financialYear.slice(0, 4));
      const held = existing.some(
        (row) =>
          row.bodySlug === entry.body &&
          row.planSlug === entry.plan &&
          row.planVersion === entry.version &&
          row.financialYear === financialYear &&
          row.quarter === entry.quarter,
      );
      if (held) continue;
      const meeting = meetings.find((each) => each.title === entry.meeting);
      const form = parseInput(CreateFormSchema, {
        body: entry.body,
        plan: `${entry.plan}:${entry.version}`,
        financialYear: entry.financialYear,
        quarter: String(entry.quarter),
        meeting: meeting ? String(meeting.id) : '',
      });
      const { id } = await packs.createPack(actor, form);
      await packs.issuePack(actor, id);
      issued += 1;
    }
  }
  return issued ? [`${issued} performance pack${issued === 1 ? '' : 's'}`] : [];
}
