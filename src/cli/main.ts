import { parseArgs } from 'node:util';
import { type Command, UsageError } from '../kernel/cli/command.ts';
import { COMMANDS } from './commands.ts';

/** Where a run prints its lines: the process's own streams, unless a caller (a test) collects them. */
export interface CliOutput {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const PROCESS_OUTPUT: CliOutput = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

export function generalHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((command) => command.words.join(' ').length));
  return [
    'Usage: peelian <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.words.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    'Run peelian <command> --help for a command’s options. Settings come from environment variables (see README).',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options = [...command.optionHelp, '--help    show this help'];
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...options.map((line) => `  ${line}`),
  ].join('\n');
}

/** Finds the command named by the leading words of argv; the rest are its options. */
export function findCommand(
  argv: string[],
  commands: Command[],
): { command: Command; rest: string[] } | undefined {
  const matches = commands.filter((command) => command.words.every((word, index) => argv[index] === word));
  const command = matches.sort((a, b) => b.words.length - a.words.length)[0];
  return command ? { command, rest: argv.slice(command.words.length) } : undefined;
}

export async function runCli(
  argv: string[],
  commands: Command[] = COMMANDS,
  { stdout: out, stderr: err }: CliOutput = PROCESS_OUTPUT,
): Promise<number> {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(generalHelp(commands));
    return 0;
  }
  const found = findCommand(argv, commands);
  if (!found) {
    const typed = words.slice(0, 2).join(' ') || argv[0];
    err(`peelian: unknown command '${typed}'. Run 'peelian --help' to list the commands.`);
    return 2;
  }
  const { command, rest } = found;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: (command.positionals ?? 0) > 0,
      strict: true,
    });
    if (parsed.values.help) {
      out(commandHelp(command));
      return 0;
    }
    if (parsed.positionals.length > (command.positionals ?? 0)) {
      throw new UsageError(`Unexpected argument '${parsed.positionals[command.positionals ?? 0]}'.`);
    }
    await command.run({ options: parsed.values, positionals: parsed.positionals, stdout: out, stderr: err });
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = sentence((error as Error).message);
    err(
      `peelian ${command.words.join(' ')}: ${message}${usage ? ` Run 'peelian ${command.words.join(' ')} --help'.` : ''}`,
    );
    return usage ? 2 : 1;
  }
}

/** The first line of an error message, ending with a full stop (Node's own messages sometimes lack one). */
function sentence(message: string): string {
  const firstLine = (message.split('\n')[0] ?? '').split('. To specify')[0]?.trim() ?? '';
  return /[.!?]$/.test(firstLine) ? firstLine : `${firstLine}.`;
}
