import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { londonDateTimeToInstant } from '../../kernel/calendar/index.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { parseYamlFile, readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { RecordFormSchema } from './decisions.schemas.ts';
import type { DecisionsService } from './decisions.service.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo/decisions');

const Text = z.string().trim().min(1);
const IsoDate = z.iso.date();

/**
 * A register file (`format: peelian-decisions/1`): one office's decisions, each as its form is filled in (the
 * record form's fields, as text), and how far it went: the sign-off, a deferral, the day it was published.
 */
const DecisionsFile = z.object({
  format: z.literal('peelian-decisions/1'),
  body: Text,
  decisions: z.array(
    z
      .object({
        signOff: z
          .object({
            decidedOn: IsoDate,
            cfoName: Text,
            cfoSignedOn: IsoDate,
            monitoringOfficerName: Text,
            monitoringOfficerSignedOn: IsoDate,
          })
          .optional(),
        deferral: z.object({ deferredUntil: IsoDate, deferralReason: Text }).optional(),
        publishedOn: IsoDate.optional(),
      })
      .catchall(z.string()),
  ),
});

async function isRecorded(decisions: DecisionsService, actor: Actor, body: string, number: string) {
  try {
    await decisions.readDecision(actor, body, number);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/**
 * The demo registers in data/demo/decisions, each decision recorded, signed off, deferred and published through
 * the use-cases as an officer would. Decisions already in the register (by office and number) are left alone,
 * so loading again changes nothing.
 */
export async function seedDemoDecisions(decisions: DecisionsService, actor: Actor): Promise<string[]> {
  let loaded = 0;
  for (const { name, text } of readYamlFiles(DEMO_DIR)) {
    const file = parseYamlFile(DecisionsFile, text, name);
    for (const { signOff, deferral, publishedOn, ...form } of file.decisions) {
      const target = { body: file.body, number: String(form.number) };
      if (await isRecorded(decisions, actor, target.body, target.number)) continue;
      await decisions.recordDecision(actor, parseInput(RecordFormSchema, { ...form, body: file.body }));
      if (signOff) await decisions.signOffDecision(actor, target, signOff);
      if (deferral) await decisions.deferPublication(actor, target, deferral);
      if (publishedOn)
        await decisions.publishDecision(
          actor,
          target,
          undefined,
          londonDateTimeToInstant(publishedOn, '10:00'),
        );
      loaded += 1;
    }
  }
  return loaded ? [`${loaded} decision${loaded === 1 ? '' : 's'}`] : [];
}
