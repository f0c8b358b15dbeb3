import { loadConfig } from '../config.ts';
import { serve } from '../main.ts';
import type { CommandContext } from './command.ts';

export async function runServe({ options, stdout }: CommandContext): Promise<void> {
  await serve(loadConfig(), { seedDemo: options['seed-demo'] === true, log: stdout });
}
