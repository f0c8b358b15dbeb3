import type { Policy } from '../../kernel/auth/policy.ts';
import type { DatabaseHandle } from '../../kernel/db/database.ts';
import type { AreasService } from '../areas/index.ts';
import { createPoliceUkFiguresService } from './figures/figures.service.ts';
import { createLsoaLookupService } from './lsoa-lookup.service.ts';
import type { PerformanceRelations } from './performance.tables.ts';
import { createPoliceUkDataService } from './police-uk-data.service.ts';
import { createPoliceUkImportService } from './police-uk-import.service.ts';

/** The performance domain's services, built once by the composition root. */
export function createPerformanceServices(deps: {
  database: DatabaseHandle<PerformanceRelations>;
  areas: AreasService;
  policy: Policy;
  /** Called after an import run has loaded months, with the force areas they belong to. */
  afterLoad?: (forceAreaIds: readonly number[]) => Promise<unknown>;
  /** Called after a lookup file moved LSOAs between local authorities, with the force areas concerned. */
  afterLookupLoad?: (forceAreaIds: readonly number[]) => Promise<unknown>;
}) {
  const { database, areas, policy, afterLoad, afterLookupLoad } = deps;
  return {
    imports: createPoliceUkImportService({ database, areas, policy, afterLoad }),
    policeUk: createPoliceUkDataService({ db: database.db, areas, policy }),
    figures: createPoliceUkFiguresService({ db: database.db, areas }),
    lookups: createLsoaLookupService({ db: database.db, policy, areas, afterLoad: afterLookupLoad }),
  };
}

export type PerformanceServices = ReturnType<typeof createPerformanceServices>;
