import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.ts';
import { canSee, type LedgerDeps } from './recommendations.context.ts';
import {
  findByReference,
  type RecommendationState,
  setRecommendationFromFile,
} from './recommendations.file.ts';
import { listImpactChoices, type MeasureJudgements, readImpact } from './recommendations.impact.ts';
import { createOriginRegistry } from './recommendations.origins.ts';
import type { LedgerFilter, RecommendationRow } from './recommendations.queries.ts';
import { listLedger, listLedgerInFull, readRecommendation, withDetails } from './recommendations.read.ts';
import type { RecommendationsLedger, Visibility } from './recommendations.tables.ts';
import {
  addAction,
  recordOutcome,
  recordRecommendation,
  recordResponse,
  reportProgress,
  rewordRecommendation,
  setVisibility,
} from './recommendations.write.ts';

export type RecommendationsLedgerService = ReturnType<typeof createRecommendationsLedger>;

/**
 * The recommendations ledger: what a body (or one of its groups, or an inspectorate or auditor) recommended,
 * to whom, by when a response is due, the response, the actions and progress that followed, and the outcome.
 * The ledger is public: the 2011 Act (s28(7)) requires a panel to publish its reports and recommendations.
 * Origins record their recommendations through the functions that take their transaction (`record`,
 * `setFromFile`, `reword`, `setVisibility`) and describe them with `describeOriginsWith`.
 */
export function createRecommendationsLedger(deps: LedgerDeps) {
  const origins = createOriginRegistry();
  return {
    listLedger: (actor: Actor, filter: LedgerFilter) => listLedger(deps, actor, filter),
    listLedgerInFull: (actor: Actor, filter: LedgerFilter) => listLedgerInFull(deps, origins, actor, filter),
    readRecommendation: (actor: Actor, id: number) => readRecommendation(deps, origins, actor, id),
    /** The rows with what their origins say of them. */
    withDetails: (rows: RecommendationRow[]) => withDetails(origins, rows),
    describeOriginsWith: origins.describeWith,
    /** The bodies with public recommendations, and the years they were made in. */
    listImpactChoices: () => listImpactChoices(deps),
    /** A body's public recommendations of a year, through response and outcome to the measures they were about. */
    readImpact: (judgementsOf: MeasureJudgements, body: string, year: number) =>
      readImpact(deps, judgementsOf, body, year),
    /**
     * Whether to offer the form that adds a recommendation by hand. That form is scrutiny's (a panel's
     * recommendations are made at its meetings); other origins record theirs from their own records, so an
     * OPCC officer who keeps the inspections' entries is not offered it.
     */
    canAddByHand: (actor: Actor) => deps.policy.can(actor, 'scrutiny:manage-panels'),
    /** Whether the actor may see a recommendation, by its body and visibility: for readers in other domains. */
    canSee: (actor: Actor, row: { bodyId: number; visibility: Visibility }) => canSee(deps, actor, row),
    recordResponse: recordResponse.bind(null, deps),
    addAction: addAction.bind(null, deps),
    addProgress: reportProgress.bind(null, deps),
    recordOutcome: recordOutcome.bind(null, deps),
    record: <DB extends RecommendationsLedger>(trx: Kysely<DB>, ...rest: RecordArgs) =>
      recordRecommendation(deps, trx, ...rest),
    setFromFile: <DB extends RecommendationsLedger>(
      trx: Kysely<DB>,
      actor: Actor,
      state: RecommendationState,
      path?: string,
    ) => setRecommendationFromFile(deps, trx, actor, state, path),
    findByReference,
    reword: rewordRecommendation,
    setVisibility,
  };
}

type RecordArgs =
  Parameters<typeof recordRecommendation> extends [unknown, unknown, ...infer Rest] ? Rest : never;
