/**
 * The three police.uk archive file layouts, and how a file's kind is told from its header row.
 * The header must match one layout exactly (names, order, letter case); anything else is refused,
 * with the missing, unexpected or misplaced columns named.
 */

export const POLICE_UK_KINDS = ['street', 'outcomes', 'stop-and-search'] as const;
export type PoliceUkKind = (typeof POLICE_UK_KINDS)[number];

/** The columns street and outcomes files share after the Crime ID: the month, the force, and where. */
const REPORTED_AT_COLUMNS = [
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
] as const;

export const STREET_COLUMNS = [
  'Crime ID',
  ...REPORTED_AT_COLUMNS,
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

export const OUTCOMES_COLUMNS = ['Crime ID', ...REPORTED_AT_COLUMNS, 'Outcome type'] as const;

/** Note that stop-and-search files give Latitude before Longitude, and a full date-time, not a month. */
export const STOP_AND_SEARCH_COLUMNS = [
  'Type',
  'Date',
  'Part of a policing operation',
  'Policing operation',
  'Latitude',
  'Longitude',
  'Gender',
  'Age range',
  'Self-defined ethnicity',
  'Officer-defined ethnicity',
  'Legislation',
  'Object of search',
  'Outcome',
  'Outcome linked to object of search',
  'Removal of more than just outer clothing',
] as const;

export const POLICE_UK_COLUMNS: Readonly<Record<PoliceUkKind, readonly string[]>> = {
  street: STREET_COLUMNS,
  outcomes: OUTCOMES_COLUMNS,
  'stop-and-search': STOP_AND_SEARCH_COLUMNS,
};

/** "a street file", "an outcomes file", "a stop-and-search file". */
export function describeKind(kind: PoliceUkKind): string {
  return `${kind === 'outcomes' ? 'an' : 'a'} ${kind} file`;
}

export type HeaderCheck = { ok: true; kind: PoliceUkKind } | { ok: false; reason: string };

/** Tells the kind of file from its header row. */
export function detectPoliceUkKind(header: readonly string[]): HeaderCheck {
  for (const kind of POLICE_UK_KINDS) {
    if (sameColumns(header, POLICE_UK_COLUMNS[kind])) return { ok: true, kind };
  }
  if (header.length === 0 || (header.length === 1 && header[0]?.trim() === '')) {
    return { ok: false, reason: 'the header row is blank' };
  }
  const kind = closestKind(header);
  if (kind === null) {
    return {
      ok: false,
      reason:
        'the first line is not a police.uk header row: it names none of the columns of a street, ' +
        `outcomes or stop-and-search file (a street file begins "${STREET_COLUMNS.slice(0, 3).join(',')},…")`,
    };
  }
  return {
    ok: false,
    reason: `the header row does not match the ${kind} layout: ${describeDifference(header, POLICE_UK_COLUMNS[kind])}`,
  };
}

function sameColumns(header: readonly string[], expected: readonly string[]): boolean {
  return header.length === expected.length && expected.every((name, index) => header[index] === name);
}

/**
 * The layout sharing the largest share of its column names with the header (compared without regard
 * to case or surrounding spaces); ties go to the earlier kind; null when no name is shared.
 */
function closestKind(header: readonly string[]): PoliceUkKind | null {
  const names = new Set(header.map(normalName));
  let best: PoliceUkKind | null = null;
  let bestScore = 0;
  for (const kind of POLICE_UK_KINDS) {
    const expected = POLICE_UK_COLUMNS[kind];
    const score = expected.filter((name) => names.has(normalName(name))).length / expected.length;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

function normalName(name: string): string {
  return name.trim().toLowerCase();
}

function describeDifference(header: readonly string[], expected: readonly string[]): string {
  const problems: string[] = [];
  const present = new Set(header);
  const wanted = new Set(expected);
  const missing = expected.filter((name) => !present.has(name));
  const unexpected = header.filter((name) => !wanted.has(name));
  if (missing.length > 0) problems.push(`missing ${quoteList(missing)}`);
  if (unexpected.length > 0) problems.push(`unexpected ${quoteList(unexpected)}`);
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (repeated.length > 0) problems.push(`repeated ${quoteList([...new Set(repeated)])}`);
  if (problems.length === 0) {
    // Same names, different order: name the first column out of place.
    const index = expected.findIndex((name, i) => header[i] !== name);
    problems.push(`column ${index + 1} should be "${expected[index]}" but is "${header[index]}"`);
  }
  return `${problems.join('; ')} (expected ${expected.length} columns: ${expected.join(',')})`;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
