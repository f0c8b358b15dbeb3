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

const POLICING_BODY_LABELS: Record<string, string> = {
  pcc: 'Police and crime commissioner',
  pfcc: 'Police, fire and crime commissioner',
  mayor: 'Mayor with PCC functions',
  'police-authority': 'Police authority (outside the commissioner model)',
};

export interface HomeView {
  forceAreas: {
    name: string;
    gssCode: string | null;
    summary: string;
    rows: { text: string }[][];
  }[];
  /** One row per force: name, ONS code, policing body, who scrutinises it, local authorities. */
  forces: { text: string; format?: 'numeric' }[][];
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
    forces: areas.map((area) => [
      { text: area.name },
      { text: area.gssCode ?? 'None' },
      {
        text: area.policingBodyName
          ? `${area.policingBodyName} (${POLICING_BODY_LABELS[area.policingBodyKind ?? ''] ?? 'not recorded'})`
          : 'Not recorded',
      },
      { text: area.scrutinyBodyName ?? 'No police and crime panel' },
      { text: String(area.localAuthorities.length), format: 'numeric' },
    ]),
  };
}
