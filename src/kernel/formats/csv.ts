export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

/**
 * RFC 4180 CSV with CRLF line ends. A text cell that a spreadsheet would run as a formula
 * (starting with = + - @ or a control character) is prefixed with an apostrophe.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => csvCell(column.header))];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))));
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type CsvValue = string | number | null | undefined;
type CsvField<Row> = { [Key in keyof Row]: Row[Key] extends CsvValue ? Key : never }[keyof Row];

/**
 * Columns named by header, in order, each giving a field of the row as it is or what a function makes of the
 * row: `csvColumns<Row>({ area_code: 'area', judged: (row) => (row.judged ? 'yes' : 'no') })`.
 */
export function csvColumns<Row>(
  columns: Record<string, CsvField<Row> | ((row: Row) => CsvValue)>,
): CsvColumn<Row>[] {
  return Object.entries(columns).map(([header, field]) => ({
    header,
    value: typeof field === 'function' ? field : (row: Row) => row[field as keyof Row] as CsvValue,
  }));
}
