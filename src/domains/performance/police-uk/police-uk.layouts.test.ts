import { describe, expect, it } from 'vitest';
import {
  describeKind,
  detectPoliceUkKind,
  OUTCOMES_COLUMNS,
  POLICE_UK_KINDS,
  STOP_AND_SEARCH_COLUMNS,
  STREET_COLUMNS,
} from './police-uk.layouts.ts';

describe('detectPoliceUkKind', () => {
  it('tells each kind from its exact header', () => {
    expect(detectPoliceUkKind([...STREET_COLUMNS])).toEqual({ ok: true, kind: 'street' });
    expect(detectPoliceUkKind([...OUTCOMES_COLUMNS])).toEqual({ ok: true, kind: 'outcomes' });
    expect(detectPoliceUkKind([...STOP_AND_SEARCH_COLUMNS])).toEqual({ ok: true, kind: 'stop-and-search' });
  });

  it('names a missing column', () => {
    const result = detectPoliceUkKind(STREET_COLUMNS.filter((name) => name !== 'Context'));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the header row does not match the street layout: missing "Context" \(expected 12/,
      ),
    });
  });

  it('names an unexpected column, and a column whose letter case differs', () => {
    const header = [...OUTCOMES_COLUMNS.map((name) => (name === 'LSOA code' ? 'LSOA Code' : name)), 'Notes'];
    const result = detectPoliceUkKind(header);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(
      /does not match the outcomes layout: missing "LSOA code"; unexpected "LSOA Code", "Notes"/,
    );
  });

  it('names the first column out of place', () => {
    const header = STOP_AND_SEARCH_COLUMNS.map((name) =>
      name === 'Latitude' ? 'Longitude' : name === 'Longitude' ? 'Latitude' : name,
    );
    const result = detectPoliceUkKind(header);
    expect(!result.ok && result.reason).toMatch(
      /stop-and-search layout: column 5 should be "Latitude" but is "Longitude"/,
    );
  });

  it('says when the header is blank or repeats a column', () => {
    expect(detectPoliceUkKind([''])).toEqual({ ok: false, reason: 'the header row is blank' });
    const repeated = detectPoliceUkKind([...STREET_COLUMNS.slice(0, 11), 'Month']);
    expect(!repeated.ok && repeated.reason).toMatch(/missing "Context"; repeated "Month"/);
  });
});

describe('describeKind', () => {
  it('names each kind with its article', () => {
    expect(POLICE_UK_KINDS.map(describeKind)).toEqual([
      'a street file',
      'an outcomes file',
      'a stop-and-search file',
    ]);
  });
});
