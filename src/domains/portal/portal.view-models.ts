import type { ForceAreaWithAuthorities } from '../areas/index.ts';

const TIER_LABELS: Record<string, string> = {
  unitary: 'Unitary authority',
  county: 'County council',
  district: 'District council',
  'metropolitan-district': 'Metropolitan district',
  'london-borough': 'London borough',
};

export function tierLabel(tier: string): string {
  return TIER_LABELS[tier] ?? tier;
}

export interface HomeView {
  forceAreas: {
    name: string;
    gssCode: string;
    summary: string;
    rows: { text: string }[][];
  }[];
}

export function toHomeView(areas: ForceAreaWithAuthorities[]): HomeView {
  return {
    forceAreas: areas.map((area) => ({
      name: area.name,
      gssCode: area.gssCode,
      summary: `${area.localAuthorities.length} local ${area.localAuthorities.length === 1 ? 'authority' : 'authorities'}`,
      rows: area.localAuthorities.map((authority) => [
        { text: authority.name },
        { text: authority.gssCode },
        {
          text: authority.countyName
            ? `${tierLabel(authority.tier)} (${authority.countyName})`
            : tierLabel(authority.tier),
        },
      ]),
    })),
  };
}
