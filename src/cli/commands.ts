import type { Command, OptionSpec } from './command.ts';

const ROLE_HELP = 'admin, opcc-officer, force-analyst, scrutiny-officer, panel-member or grant-applicant';
const USER_OPTIONS: OptionSpec = {
  email: { type: 'string' },
  role: { type: 'string' },
  body: { type: 'string' },
};
const accounts = () => import('./run-accounts.ts');
const plansCommands = () => import('./run-plans.ts');

/**
 * Every command's name, help and options. Implementations load only when their command runs,
 * so `--help` and a mistyped command answer at once.
 */
export const COMMANDS: Command[] = [
  {
    words: ['serve'],
    summary: 'Run the web server (migrates the database first)',
    usage: 'peelian serve [--seed-demo]',
    options: { 'seed-demo': { type: 'boolean' } },
    optionHelp: ['--seed-demo    load the Thames Valley demonstration data first (safe to repeat)'],
    run: async (context) => (await import('./run-serve.ts')).runServe(context),
  },
  {
    words: ['db', 'migrate'],
    summary: 'Apply pending database migrations',
    usage: 'peelian db migrate',
    options: {},
    optionHelp: [],
    run: async (context) => (await import('./run-database.ts')).runDbMigrate(context),
  },
  {
    words: ['db', 'status'],
    summary: 'List migrations and whether each is applied',
    usage: 'peelian db status [--json]',
    options: { json: { type: 'boolean' } },
    optionHelp: ['--json    print JSON instead of a table'],
    run: async (context) => (await import('./run-database.ts')).runDbStatus(context),
  },
  {
    words: ['seed', 'demo'],
    summary: 'Load the Thames Valley demonstration data (safe to repeat)',
    usage: 'peelian seed demo',
    options: {},
    optionHelp: [],
    run: async (context) => (await import('./run-database.ts')).runSeedDemo(context),
  },
  {
    words: ['users', 'create'],
    summary: 'Create an account; prints a one-time link to set its password',
    usage: 'peelian users create --email <email> --role <role> [--body <slug>] [--name <name>]',
    options: { ...USER_OPTIONS, name: { type: 'string' } },
    optionHelp: [
      "--email <email>    the person's email address",
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for (every role but an installation-wide admin)',
      '--name <name>      their name as shown (defaults to the start of the email address)',
    ],
    run: async (context) => (await accounts()).runUsersCreate(context),
  },
  {
    words: ['users', 'list'],
    summary: 'List accounts with their roles',
    usage: 'peelian users list [--json]',
    options: { json: { type: 'boolean' } },
    optionHelp: ['--json    print JSON instead of a table'],
    run: async (context) => (await accounts()).runUsersList(context),
  },
  {
    words: ['users', 'disable'],
    summary: 'Disable an account and end its sessions',
    usage: 'peelian users disable --email <email>',
    options: { email: { type: 'string' } },
    optionHelp: ['--email <email>    the account to disable'],
    run: async (context) => (await accounts()).runUsersSetDisabled(true)(context),
  },
  {
    words: ['users', 'enable'],
    summary: 'Enable a disabled account',
    usage: 'peelian users enable --email <email>',
    options: { email: { type: 'string' } },
    optionHelp: ['--email <email>    the account to enable'],
    run: async (context) => (await accounts()).runUsersSetDisabled(false)(context),
  },
  {
    words: ['users', 'grant'],
    summary: 'Give an account a role',
    usage: 'peelian users grant --email <email> --role <role> [--body <slug>]',
    options: USER_OPTIONS,
    optionHelp: [
      '--email <email>',
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for',
    ],
    run: async (context) => (await accounts()).runUsersChangeRole('grant')(context),
  },
  {
    words: ['users', 'revoke'],
    summary: 'Take a role away from an account',
    usage: 'peelian users revoke --email <email> --role <role> [--body <slug>]',
    options: USER_OPTIONS,
    optionHelp: [
      '--email <email>',
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for',
    ],
    run: async (context) => (await accounts()).runUsersChangeRole('revoke')(context),
  },
  {
    words: ['tokens', 'create'],
    summary: 'Create an API token; prints only the token on stdout',
    usage: 'peelian tokens create --name <name> --role <role> [--body <slug>] [--expires 90d]',
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      body: { type: 'string' },
      expires: { type: 'string' },
    },
    optionHelp: [
      '--name <name>      what the token is for, e.g. "force data feed"',
      `--role <role>      ${ROLE_HELP}`,
      '--body <slug>      the body the role is for',
      '--expires <time>   how long it lasts: 90d (default), 12w, 6m, 1y or never',
    ],
    run: async (context) => (await accounts()).runTokensCreate(context),
  },
  {
    words: ['tokens', 'list'],
    summary: 'List API tokens (never the tokens themselves)',
    usage: 'peelian tokens list [--json]',
    options: { json: { type: 'boolean' } },
    optionHelp: ['--json    print JSON instead of a table'],
    run: async (context) => (await accounts()).runTokensList(context),
  },
  {
    words: ['tokens', 'revoke'],
    summary: 'Revoke an API token at once',
    usage: 'peelian tokens revoke <id>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: async (context) => (await accounts()).runTokensRevoke(context),
  },
  {
    words: ['import', 'plan'],
    summary: "Load a plan file (YAML or JSON) as the plan's draft",
    usage: 'peelian import plan <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: async (context) => (await plansCommands()).runImportPlan(context),
  },
  {
    words: ['import', 'coverage'],
    summary: 'Load a manifesto or consultation file for the coverage check',
    usage: 'peelian import coverage <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: async (context) => (await plansCommands()).runImportCoverage(context),
  },
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
    run: async (context) => (await plansCommands()).runExportPlan(context),
  },
  {
    words: ['assets', 'build'],
    summary: 'Build the stylesheets and scripts into public/',
    usage: 'peelian assets build',
    options: {},
    optionHelp: [],
    run: async (context) => (await import('./run-assets.ts')).runAssetsBuild(context),
  },
];
