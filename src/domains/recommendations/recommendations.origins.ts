/**
 * What an origin that meets as a committee can say of a recommendation beyond its kind, title and link: the
 * group of the body that made it, the meeting and minute that record it, and the function of the body it
 * serves. The ledger shows these and never looks them up: each origin describes its own recommendations.
 */
export interface OriginDetails {
  group: { id: number; name: string } | null;
  meeting: { id: number; startsAt: Date; day: string; url: string; apiUrl: string } | null;
  minute: { number: number; url: string } | null;
  function: { key: string; label: string; basis: string } | null;
}

export const NO_DETAILS: OriginDetails = { group: null, meeting: null, minute: null, function: null };

/** Describes those of the given recommendations that an origin knows; it leaves out the others. */
export type OriginDescriber = (ids: readonly number[]) => Promise<Map<number, OriginDetails>>;

/**
 * The describers the origins gave the ledger when their services were built (the ledger is built first, so
 * it cannot ask for them). Keyed by a name, so an origin built twice over the same ledger replaces its own.
 */
export function createOriginRegistry() {
  const describers = new Map<string, OriginDescriber>();
  return {
    describeWith(name: string, describer: OriginDescriber) {
      describers.set(name, describer);
    },
    async detailsOf(ids: readonly number[]): Promise<Map<number, OriginDetails>> {
      const found = new Map<number, OriginDetails>();
      if (ids.length === 0) return found;
      for (const described of await Promise.all([...describers.values()].map((describe) => describe(ids))))
        for (const [id, details] of described) found.set(id, details);
      return found;
    },
  };
}
export type OriginRegistry = ReturnType<typeof createOriginRegistry>;
