import {
  type DomainCommand,
  type DomainCommandContext,
  readFileArgument,
  UsageError,
} from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { loadCheckedSurveyFile, readSurveyFile } from './engagement.files.ts';
import type { EngagementService } from './engagement.service.ts';

type EngagementCommandServices = { engagement: EngagementService };

/** `peelian import survey <file>`: a survey from the file an officer prepares; all or nothing. */
async function runImportSurvey({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<EngagementCommandServices>) {
  const { name, text } = readFileArgument(positionals, 0, 'survey file (YAML or JSON)');
  // The file's shape is checked before the database opens, so a typo costs nothing.
  const file = readSurveyFile(text, name);
  const result = await withServices(({ engagement }) => loadCheckedSurveyFile(engagement, actor, file));
  stderr(`Loaded ${name}: the survey ${result.survey} (${result.changed ? 'changed' : 'no change'}).`);
  stdout(JSON.stringify(result));
}

/** `peelian import survey-responses <survey> <file>`: responses gathered on paper, at events, by panels. */
async function runImportResponses({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<EngagementCommandServices>) {
  const survey = positionals[0];
  if (!survey) throw new UsageError('Give the survey’s slug, then the CSV file.');
  const { name, text } = readFileArgument(positionals, 1, 'responses CSV file');
  const result = await withServices(({ engagement }) =>
    engagement.importResponses(actor, survey, { text, fileName: name }),
  );
  stderr(`Imported ${plural(result.imported, 'response')} to ${survey} from ${name}.`);
  stdout(JSON.stringify(result));
}

/** `peelian engagement purge`: deletes responses past their survey's retention; the audit keeps counts only. */
async function runPurge({
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<EngagementCommandServices>) {
  const result = await withServices(({ engagement }) => engagement.purgeExpired(actor));
  stderr(
    result.purged.length
      ? result.purged
          .map((purge) => `Purged ${plural(purge.responses, 'response')} to ${purge.survey}.`)
          .join('\n')
      : 'No survey’s responses are past their retention.',
  );
  stdout(JSON.stringify(result));
}

/** The commands this domain adds to `peelian`. */
export const ENGAGEMENT_COMMANDS: DomainCommand<EngagementCommandServices>[] = [
  {
    words: ['import', 'survey'],
    summary: 'Load a survey (questions, dates, privacy notice, retention); all or nothing',
    usage: 'peelian import survey <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportSurvey,
  },
  {
    words: ['import', 'survey-responses'],
    summary:
      'Import a survey’s responses gathered on paper, at events or by panels, from CSV; all or nothing',
    usage: 'peelian import survey-responses <survey> <file.csv>',
    options: {},
    positionals: 2,
    optionHelp: [],
    run: runImportResponses,
  },
  {
    words: ['engagement', 'purge'],
    summary: 'Delete survey responses kept past their retention period, keeping published aggregates',
    usage: 'peelian engagement purge',
    options: {},
    positionals: 0,
    optionHelp: [],
    run: runPurge,
  },
];
