import type { ParseArgsConfig } from 'node:util';

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

/** A mistake in how the command was typed: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
