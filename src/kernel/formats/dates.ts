// Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and pages format
// hundreds of dates (a scorecard's months).
const GOV_UK_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2025-03-31 → "31 March 2025": the GOV.UK style for dates. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number);
  return GOV_UK_DATE.format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)));
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** 2016-12-13 → "Tuesday 13 December 2016". */
export function formatDateWithWeekday(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${WEEKDAY.format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)))} ${formatDate(iso)}`;
}
