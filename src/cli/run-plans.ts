import { parseCoverageFile, parsePlanFile, planFileToYaml } from '../domains/plans/index.ts';
import { plural } from '../kernel/formats/words.ts';
import { type CommandContext, readFileArgument, UsageError } from './command.ts';
import { cliActor, withDatabase } from './with-database.ts';

export async function runImportPlan({ positionals, stdout, stderr }: CommandContext): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'file');
  const file = parsePlanFile(text, name);
  await withDatabase(async ({ services }) => {
    const result = await services.plans.importPlanFile(cliActor(), file);
    stderr(`Loaded ${file.plan.slug} as its draft (${plural(result.changes, 'change')}).`);
    stdout(JSON.stringify(result));
  });
}

export async function runImportCoverage({ positionals, stderr }: CommandContext): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'file');
  const file = parseCoverageFile(text, name);
  await withDatabase(async ({ services }) => {
    await services.plans.importCoverageFile(cliActor(), file);
    stderr(`Loaded ${file.points.length} points from ${file.source.title}, mapped to ${file.source.plan}.`);
  });
}

export async function runExportPlan({ positionals, options, stdout }: CommandContext): Promise<void> {
  const slug = positionals[0];
  if (!slug) throw new UsageError('Give the slug of the plan to export.');
  const version = typeof options.version === 'string' ? Number(options.version) : undefined;
  if (version !== undefined && !(Number.isInteger(version) && version > 0))
    throw new UsageError('--version must be a version number.');
  const format = options.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError('--format must be yaml or json.');
  await withDatabase(async ({ services }) => {
    const file = await services.plans.exportPlanFile(cliActor(), slug, version);
    stdout(format === 'json' ? JSON.stringify(file, null, 2) : planFileToYaml(file).trimEnd());
  });
}
