import {
  type DomainCommand,
  type DomainCommandContext,
  fileCommand,
  UsageError,
} from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseCoverageFile, parsePlanFile, planFileToYaml } from './plans.files.ts';
import type { PlansService } from './plans.service.ts';

type PlansCommandServices = { plans: PlansService };

export async function runExportPlan({
  positionals,
  options,
  stdout,
  withServices,
  actor,
}: DomainCommandContext<PlansCommandServices>): Promise<void> {
  const slug = positionals[0];
  if (!slug) throw new UsageError('Give the slug of the plan to export.');
  const version = typeof options.version === 'string' ? Number(options.version) : undefined;
  if (version !== undefined && !(Number.isInteger(version) && version > 0))
    throw new UsageError('--version must be a version number.');
  const format = options.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError('--format must be yaml or json.');
  await withServices(async (services) => {
    const file = await services.plans.exportPlanFile(actor, slug, version);
    stdout(format === 'json' ? JSON.stringify(file, null, 2) : planFileToYaml(file).trimEnd());
  });
}

/** The commands this domain adds to `peelian`. */
export const PLANS_COMMANDS: DomainCommand<PlansCommandServices>[] = [
  fileCommand({
    words: ['import', 'plan'],
    summary: "Load a plan file (YAML or JSON) as the plan's draft",
    usage: 'peelian import plan <file>',
    fileIs: 'file',
    parse: parsePlanFile,
    apply: ({ plans }: PlansCommandServices, actor, file) => plans.importPlanFile(actor, file),
    report: (result, file) => `Loaded ${file.plan.slug} as its draft (${plural(result.changes, 'change')}).`,
    json: true,
  }),
  fileCommand({
    words: ['import', 'coverage'],
    summary: 'Load a manifesto or consultation file for the coverage check',
    usage: 'peelian import coverage <file>',
    fileIs: 'file',
    parse: parseCoverageFile,
    apply: ({ plans }: PlansCommandServices, actor, file) => plans.importCoverageFile(actor, file),
    report: (_result, file) =>
      `Loaded ${file.points.length} points from ${file.source.title}, mapped to ${file.source.plan}.`,
  }),
  {
    words: ['export', 'plan'],
    summary: 'Print a plan version as a file that imports back unchanged',
    usage: 'peelian export plan <slug> [--version N] [--format yaml|json]',
    options: { version: { type: 'string' }, format: { type: 'string' } },
    positionals: 1,
    optionHelp: [
      '--version N      a version number (default: the latest issued)',
      '--format F       yaml (default) or json',
    ],
    run: runExportPlan,
  },
];
