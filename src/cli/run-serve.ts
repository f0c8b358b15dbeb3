import { loadConfig } from '../config.ts';
import type { CommandContext } from '../kernel/cli/command.ts';
import { serve } from '../main.ts';

export async function runServe({ options, stdout }: CommandContext): Promise<void> {
  await serve(loadConfig(), { seedDemo: options['seed-demo'] === true, log: stdout });
}
