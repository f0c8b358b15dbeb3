import fs from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import type { Actor } from '../auth/actor.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** Option values after parsing, by long name. */
  options: Record<string, string | boolean | undefined>;
  positionals: string[];
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface Command {
  /** The words that select it, e.g. ['db', 'migrate']. */
  words: string[];
  summary: string;
  usage: string;
  options: OptionSpec;
  /** How many plain arguments it takes after its words (none unless said; Number.POSITIVE_INFINITY for any number). */
  positionals?: number;
  /** Lines of help beyond the usage line, one per option. */
  optionHelp: string[];
  run(context: CommandContext): Promise<void>;
}

/** What a domain's command is given: the parsed command line, its services on an open database, and who runs it. */
export interface DomainCommandContext<Services> extends CommandContext {
  /** Opens the database (migrated), builds the services, runs the work and always closes the database. */
  withServices: <T>(work: (services: Services) => Promise<T>) => Promise<T>;
  /** The person at the terminal, as the audit trail names them. */
  actor: Actor;
}

/** A command a domain adds to `peelian`: the same help and options as any command, run with its services. */
export interface DomainCommand<Services> extends Omit<Command, 'run'> {
  run: (context: DomainCommandContext<Services>) => Promise<void>;
}

/** A command's result on stdout: with `--json`, the whole of it as indented JSON for scripts; else lines for people. */
export function printResult<Result>(
  { options, stdout }: Pick<CommandContext, 'options' | 'stdout'>,
  result: Result,
  lines: (result: Result) => Iterable<string>,
): void {
  if (options.json) {
    stdout(JSON.stringify(result, null, 2));
    return;
  }
  for (const line of lines(result)) stdout(line);
}

/** A mistake in how the command was typed: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The file named by a command's argument, with its text; a missing argument is a usage mistake. */
export function readFileArgument(
  positionals: string[],
  index: number,
  what: string,
): { name: string; text: string } {
  const name = positionals[index];
  if (!name) throw new UsageError(`Give the ${what} to load.`);
  try {
    return { name, text: fs.readFileSync(name, 'utf8') };
  } catch (error) {
    throw new Error(
      `Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/**
 * A command that reads a file named on its command line and applies it: `peelian import <what> [args…] <file>`.
 * The file is read and parsed before the database opens, so a bad file costs nothing; what was done is said on
 * stderr, and with `json`, the result is printed on stdout for scripts.
 */
export function fileCommand<Services, File, Result>(spec: {
  words: string[];
  summary: string;
  usage: string;
  /** What the file is, for the message when it is missing: "population CSV file". */
  fileIs: string;
  /** The arguments before the file, each as the message when it is missing. */
  before?: string[];
  parse: (text: string, name: string) => File;
  apply: (services: Services, actor: Actor, file: File, args: string[]) => Promise<Result>;
  report: (result: Result, file: File, args: string[]) => string;
  json?: boolean;
}): DomainCommand<Services> {
  const before = spec.before ?? [];
  return {
    words: spec.words,
    summary: spec.summary,
    usage: spec.usage,
    options: {},
    positionals: before.length + 1,
    optionHelp: [],
    async run({ positionals, stdout, stderr, withServices, actor }) {
      before.forEach((missing, index) => {
        if (!positionals[index]) throw new UsageError(missing);
      });
      const args = positionals.slice(0, before.length);
      const { name, text } = readFileArgument(positionals, before.length, spec.fileIs);
      const file = spec.parse(text, name);
      const result = await withServices((services) => spec.apply(services, actor, file, args));
      stderr(spec.report(result, file, args));
      if (spec.json) stdout(JSON.stringify(result));
    },
  };
}
