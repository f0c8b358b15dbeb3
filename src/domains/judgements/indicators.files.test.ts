import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { readYamlFiles } from '../../kernel/formats/yaml-file.ts';
import { parseIndicatorFile } from './indicators.files.ts';

const HEAD = 'format: peelian-indicators/1\nforceArea: thames-valley\nindicators:\n';
const COUNT = `  - slug: tv-burglary
    title: Burglaries
    kind: crime-count
    crimeTypes: [Burglary]
    source: police.uk
    unit: crimes
    geography: local-authority
    description: Burglaries each month.
    measures:
      - { plan: thames-valley-2024-2029, measure: PPR1.M1 }
`;

function problems(text: string) {
  try {
    parseIndicatorFile(text, 'test.yaml');
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('indicator files', () => {
  it('reads a valid file, defaulting the frequency and the population base', () => {
    const file = parseIndicatorFile(
      `${HEAD}${COUNT}  - slug: tv-rate
    title: Rate
    kind: crime-rate
    crimeTypes: [Burglary]
    source: police.uk and populations
    unit: crimes per 1,000 residents
    geography: force-area
    description: A rate.
`,
      'test.yaml',
    );
    expect(file.indicators[0]).toMatchObject({
      slug: 'tv-burglary',
      frequency: 'monthly',
      crimeTypes: ['Burglary'],
    });
    expect(file.indicators[1]).toMatchObject({ kind: 'crime-rate', perPopulation: 1000, measures: [] });
  });

  it('names the file, the line and the field of an unknown crime type', () => {
    const text = `${HEAD}${COUNT.replace('[Burglary]', '[Burglary, Burglery]')}`;
    expect(problems(text)).toEqual([
      {
        field: 'test.yaml line 7, indicators.0.crimeTypes.1',
        message: expect.stringMatching(
          /^"Burglery" is not a police\.uk crime type \(they are: Bicycle theft, /,
        ),
      },
    ]);
  });

  it('names the line and field of an unknown outcome category', () => {
    const text = `${HEAD}  - slug: tv-charged
    title: Charged
    kind: outcome-share
    crimeTypes: [Burglary]
    outcomeCategories:
      - Awaiting court outcome
      - Charged by magic
    source: police.uk
    unit: per cent
    geography: force-area
    description: A share.
`;
    expect(problems(text)).toEqual([
      {
        field: 'test.yaml line 10, indicators.0.outcomeCategories.1',
        message: expect.stringMatching(/^"Charged by magic" is not a police\.uk last outcome category/),
      },
    ]);
  });

  it('never lets anti-social behaviour into a crime total, nor into an outcome share', () => {
    expect(problems(`${HEAD}${COUNT.replace('[Burglary]', '[Burglary, Anti-social behaviour]')}`)).toEqual([
      {
        field: 'test.yaml line 7, indicators.0.crimeTypes',
        message: expect.stringMatching(/^Anti-social behaviour is not a crime and is never added to crimes/),
      },
    ]);
    const share = `${HEAD}  - slug: tv-asb
    title: ASB
    kind: outcome-share
    crimeTypes: [Anti-social behaviour]
    outcomeCategories: [Local resolution]
    source: police.uk
    unit: per cent
    geography: force-area
    description: A share.
`;
    expect(problems(share).map((problem) => problem.message)).toEqual([
      'Anti-social behaviour has no outcomes in police.uk, so it cannot have an outcome share',
    ]);
  });

  it('refuses a missing field, an unknown kind, a series by area and a slug defined twice', () => {
    expect(problems(`${HEAD}${COUNT.replace('    unit: crimes\n', '')}`)).toEqual([
      { field: 'test.yaml line 4, indicators.0.unit', message: expect.any(String) },
    ]);
    expect(problems(`${HEAD}${COUNT.replace('crime-count', 'crime-guess')}`)[0]).toEqual({
      field: 'test.yaml line 6, indicators.0.kind',
      message: 'must have a kind: one of crime-count, crime-rate, outcome-share, series',
    });
    const series = `${HEAD}  - slug: tv-ksi
    title: KSI
    kind: series
    source: DfT
    unit: people
    geography: local-authority
    description: Road casualties.
`;
    expect(problems(series)).toEqual([
      {
        field: 'test.yaml line 9, indicators.0.geography',
        message: expect.stringMatching(/^a series is imported/),
      },
    ]);
    expect(problems(`${HEAD}${COUNT}${COUNT}`)).toEqual([
      { field: 'test.yaml line 14, indicators.1.slug', message: 'tv-burglary is defined twice in this file' },
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    expect(problems(`${HEAD}  - slug: [unclosed\n`)).toEqual([
      { field: 'test.yaml line 5', message: expect.stringMatching(/^is not valid YAML or JSON/) },
    ]);
  });

  it('accepts every demo file, and links every 2024–2029 measure to at least one indicator', () => {
    const dir = path.join(PROJECT_ROOT, 'data/demo/indicators');
    const linked = new Set(
      readYamlFiles(dir).flatMap(({ name, text }) =>
        parseIndicatorFile(text, name).indicators.flatMap((indicator) =>
          indicator.measures.map((link) => `${link.plan} ${link.measure}`),
        ),
      ),
    );
    const plan = fs.readFileSync(
      path.join(PROJECT_ROOT, 'data/demo/plans/thames-valley-2024-2029.yaml'),
      'utf8',
    );
    const codes = [...plan.matchAll(/- code: (\w+\.M\d+)/g)].map(
      (match) => `thames-valley-2024-2029 ${match[1]}`,
    );
    expect(codes.length).toBeGreaterThan(15);
    expect(codes.filter((code) => !linked.has(code))).toEqual([]);
  });
});
