import { type DomainCommand, type DomainCommandContext, readFileArgument } from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { loadDeliveryFile } from './delivery.files.ts';
import type { DeliveryService } from './delivery.service.ts';

type DeliveryCommandServices = { delivery: DeliveryService };

/** `peelian import delivery <file>`: one delivery plan from the file an officer prepares; all or nothing. */
async function runImportDelivery({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<DeliveryCommandServices>): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'delivery plan file (YAML or JSON)');
  const result = await withServices(({ delivery }) => loadDeliveryFile(delivery, actor, text, name));
  stderr(
    `Loaded ${name}: the ${result.owner} delivery plan for ${result.plan} version ${result.version}, ${plural(result.actions, 'action')} (${plural(result.changes, 'change')}).`,
  );
  stdout(JSON.stringify(result));
}

/** The commands this domain adds to `peelian`. */
export const DELIVERY_COMMANDS: DomainCommand<DeliveryCommandServices>[] = [
  {
    words: ['import', 'delivery'],
    summary: 'Load a delivery plan file (its actions, milestones and statuses); all or nothing',
    usage: 'peelian import delivery <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportDelivery,
  },
];
