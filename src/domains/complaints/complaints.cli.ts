import {
  type DomainCommand,
  type DomainCommandContext,
  printResult,
  UsageError,
} from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { DEFAULT_TIMESCALES } from './complaints.rules.ts';
import { TimescalesSchema } from './complaints.schemas.ts';
import type { ComplaintsService } from './complaints.service.ts';

type ComplaintsCommandServices = { complaints: ComplaintsService };

/** `peelian complaints purge [--dry-run]`: erases complainants' personal data kept past the retention period. */
async function runPurge(context: DomainCommandContext<ComplaintsCommandServices>) {
  const { options, withServices, actor } = context;
  const dryRun = options['dry-run'] === true;
  const result = await withServices(({ complaints }) => complaints.purgeExpired(actor, dryRun));
  printResult(context, result, function* (each) {
    if (!each.purged.length) yield 'No closed case is past its retention period.';
    for (const { panel, cases } of each.purged)
      yield `${dryRun ? 'Would erase' : 'Erased'} the personal data of ${plural(cases.length, 'case')} of ${panel}: ${cases.join(', ')}.`;
  });
}

/** `peelian complaints timescales <panel> --recording-days N …`: a Panel's own time limits and retention. */
async function runTimescales(context: DomainCommandContext<ComplaintsCommandServices>) {
  const { options, positionals, withServices, actor } = context;
  const panel = positionals[0];
  if (!panel) throw new UsageError('Give the Panel’s slug.');
  const timescales = parseInput(TimescalesSchema, {
    recordingDays: options['recording-days'] ?? DEFAULT_TIMESCALES.recordingDays,
    referralDays: options['referral-days'] ?? DEFAULT_TIMESCALES.referralDays,
    resolutionDays: options['resolution-days'] ?? DEFAULT_TIMESCALES.resolutionDays,
    retentionYears: options['retention-years'] ?? DEFAULT_TIMESCALES.retentionYears,
  });
  const result = await withServices(({ complaints }) => complaints.setTimescales(actor, panel, timescales));
  printResult(context, result, (each) => [
    `${each.panel}: ${each.recordingDays} days to decide on recording, ${each.referralDays} to refer to the IOPC, ${each.resolutionDays} to resolve; personal data kept ${each.retentionYears} years after closure.`,
  ]);
}

/** The commands this domain adds to `peelian`. */
export const COMPLAINTS_COMMANDS: DomainCommand<ComplaintsCommandServices>[] = [
  {
    words: ['complaints', 'purge'],
    summary:
      'Erase complainants’ personal data from closed cases past the retention period, keeping the counts',
    usage: 'peelian complaints purge [--dry-run] [--json]',
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: 0,
    optionHelp: [
      '--dry-run  say which cases would be erased, change nothing',
      '--json     print the result as JSON',
    ],
    run: runPurge,
  },
  {
    words: ['complaints', 'timescales'],
    summary: 'Set a Panel’s complaint time limits and retention period (any left out take the default)',
    usage:
      'peelian complaints timescales <panel> [--recording-days N] [--referral-days N] [--resolution-days N] [--retention-years N]',
    options: {
      'recording-days': { type: 'string' },
      'referral-days': { type: 'string' },
      'resolution-days': { type: 'string' },
      'retention-years': { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: 1,
    optionHelp: [
      `--recording-days N   days from receipt to the recording decision (default ${DEFAULT_TIMESCALES.recordingDays}; local policy)`,
      `--referral-days N    days from recording to referral to the IOPC (default ${DEFAULT_TIMESCALES.referralDays}; reg 13, unverified)`,
      `--resolution-days N  days from recording to the outcome (default ${DEFAULT_TIMESCALES.resolutionDays}; local policy)`,
      `--retention-years N  years personal data is kept after closure (default ${DEFAULT_TIMESCALES.retentionYears}; policy, not statute)`,
      '--json               print the result as JSON',
    ],
    run: runTimescales,
  },
];
