import { type DomainCommand, fileCommand } from '../../kernel/cli/command.ts';
import { type BudgetFileRead, loadCheckedBudgetFile, readBudgetFile } from './budget.files.ts';
import type { BudgetService } from './budget.service.ts';

/** `peelian import budget <file>`: a body's budget for a year from the OPCC's file; all or nothing. */
export const BUDGET_COMMANDS: DomainCommand<{ budget: BudgetService }>[] = [
  fileCommand({
    words: ['import', 'budget'],
    summary:
      'Load a policing body’s budget for a year (lines, funding, tax base, MTFP, monitoring); all or nothing',
    usage: 'peelian import budget <file.yaml>',
    fileIs: 'budget file (YAML or JSON)',
    parse: (text, name): BudgetFileRead => readBudgetFile(text, name),
    apply: ({ budget }, actor, file) => loadCheckedBudgetFile(budget, actor, file),
    report: (result, _file) =>
      `${result.changed ? 'Loaded' : 'Unchanged:'} the ${result.year} budget of ${result.body}.`,
    json: true,
  }),
];
