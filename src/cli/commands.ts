import { loadConfig } from '../config.ts';
import { buildAssets, PUBLIC_DIR } from '../kernel/assets/build-assets.ts';
import { serve } from '../main.ts';
import type { Command } from './command.ts';
import { dbMigrate, dbStatus, seedDemo } from './database-commands.ts';

const serveCommand: Command = {
  words: ['serve'],
  summary: 'Run the web server (migrates the database first)',
  usage: 'peelian serve [--seed-demo]',
  options: { 'seed-demo': { type: 'boolean' } },
  optionHelp: ['--seed-demo    load the Thames Valley demonstration data first (safe to repeat)'],
  async run({ options, stdout }) {
    await serve(loadConfig(), { seedDemo: options['seed-demo'] === true, log: stdout });
  },
};

const assetsBuild: Command = {
  words: ['assets', 'build'],
  summary: 'Build the stylesheets and scripts into public/',
  usage: 'peelian assets build',
  options: {},
  optionHelp: [],
  async run({ stderr }) {
    const manifest = buildAssets();
    stderr(`Built ${Object.keys(manifest).length} assets into ${PUBLIC_DIR}.`);
  },
};

export const COMMANDS: Command[] = [serveCommand, dbMigrate, dbStatus, seedDemo, assetsBuild];
