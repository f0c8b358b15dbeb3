import type { Geography, IndicatorKind } from './judgements.tables.ts';

/**
 * An indicator's monthly values from its inputs: pure, so the same numbers come out whichever database
 * gathered the inputs, and small known inputs give exact known values in tests.
 */

export interface AreaCount {
  /** `YYYY-MM-01`. */
  month: string;
  /** The local authority the LSOA lies in; '' when the record had no location or its LSOA is not in the lookup. */
  areaCode: string;
  /** Crimes (or anti-social behaviour incidents) of the indicator's types. */
  count: number;
  /** Of those, the crimes whose last outcome category is one of the indicator's (outcome shares only). */
  matched: number;
}

export interface Authority {
  code: string;
  /** A county's districts carry their county's code; the county itself and unitary authorities null. */
  countyCode: string | null;
}

export interface Population {
  areaCode: string;
  year: number;
  population: number;
}

export interface IndicatorInputs {
  kind: IndicatorKind;
  geography: Geography;
  perPopulation: number | null;
  forceAreaCode: string;
  /** The force's local authorities, counties included. */
  authorities: readonly Authority[];
  /** The months police.uk data is loaded for: a month with none of the types counts zero, not a gap. */
  months: readonly string[];
  counts: readonly AreaCount[];
  populations: readonly Population[];
  /** A series indicator's imported values. */
  series: readonly { month: string; value: number }[];
}

export interface IndicatorValue {
  areaCode: string;
  month: string;
  numerator: number;
  denominator: number | null;
  value: number;
}

export function computeIndicatorValues(inputs: IndicatorInputs): IndicatorValue[] {
  const { kind, forceAreaCode } = inputs;
  if (kind === 'series')
    return inputs.series.map(({ month, value }) => ({
      areaCode: forceAreaCode,
      month,
      numerator: value,
      denominator: null,
      value,
    }));

  const countyOf = new Map(inputs.authorities.map((authority) => [authority.code, authority.countyCode]));
  const totals = new Map<string, { count: number; matched: number }>();
  const add = (areaCode: string, row: AreaCount) => {
    const key = `${areaCode} ${row.month}`;
    const total = totals.get(key) ?? { count: 0, matched: 0 };
    total.count += row.count;
    total.matched += row.matched;
    totals.set(key, total);
  };
  for (const row of inputs.counts) {
    add(forceAreaCode, row);
    if (!countyOf.has(row.areaCode)) continue;
    add(row.areaCode, row);
    const county = countyOf.get(row.areaCode);
    if (county) add(county, row);
  }

  const populations = new Map(
    inputs.populations.map((row) => [`${row.areaCode} ${row.year}`, row.population]),
  );
  const areas = [
    forceAreaCode,
    ...(inputs.geography === 'local-authority' ? inputs.authorities.map((authority) => authority.code) : []),
  ];
  const values: IndicatorValue[] = [];
  for (const areaCode of areas)
    for (const month of inputs.months) {
      const { count, matched } = totals.get(`${areaCode} ${month}`) ?? { count: 0, matched: 0 };
      if (kind === 'crime-count') {
        values.push({ areaCode, month, numerator: count, denominator: null, value: count });
      } else if (kind === 'crime-rate') {
        // A month whose year has no population for the area has no rate: it shows as a gap, not as a guess.
        const population = populations.get(`${areaCode} ${month.slice(0, 4)}`);
        if (population === undefined) continue;
        const per = inputs.perPopulation ?? 1000;
        values.push({
          areaCode,
          month,
          numerator: count,
          denominator: population,
          value: (count * per) / population,
        });
      } else if (count > 0) {
        // A share of no crimes is undefined, not zero.
        values.push({
          areaCode,
          month,
          numerator: matched,
          denominator: count,
          value: (matched * 100) / count,
        });
      }
    }
  return values;
}
