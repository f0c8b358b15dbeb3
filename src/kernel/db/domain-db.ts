import type { Kysely } from 'kysely';

/**
 * The query builder one domain's queries take: only the relations in `Relations` (the domain's own tables,
 * the kernel's tables it writes, and the views other domains publish that it reads). Naming anything else
 * is a compile error, which is the read rule of decision record 0004 made checkable.
 *
 * The composition root holds a `Kysely<Schema>` over every relation. Kysely's types let that stand for any
 * `Kysely<Subset>` of it (both concrete), so the root hands each domain the one instance as it is: narrowing
 * happens at the domain's parameter type, with no cast anywhere.
 */
export type DomainDb<Relations extends object> = Kysely<Relations>;

/**
 * Makes a narrowing for the few relations every domain may write through one owner's function (the audit
 * trail, the outbox): any database or transaction whose type includes `Relations` can be used as one that has
 * only them. That holds, but Kysely's types cannot say so of a transaction, hence the one cast here.
 */
export function narrowTo<Relations extends object>() {
  return <DB extends Relations>(db: Kysely<DB>): Kysely<Relations> => db as unknown as Kysely<Relations>;
}
