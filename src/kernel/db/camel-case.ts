import { CamelCasePlugin } from 'kysely';

/**
 * Queries name tables and columns in camelCase and read rows with camelCase keys; the SQL and the migrations
 * keep PostgreSQL's snake_case. Only a row's own keys are converted: JSON documents (audit snapshots, a plan
 * step's documents) come back exactly as they were stored. Raw `sql` text is not rewritten, so it names
 * columns in snake_case, and its result keys are converted like any other.
 */
export const camelCasePlugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
