import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../kernel/calendar/index.ts';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { type Answer, checkAnswers, type SurveyQuestion } from './engagement.answers.ts';
import { CHANNELS, type Channel } from './engagement.tables.ts';

/** Channels an import may name: online responses come only through the form. */
export const IMPORT_CHANNELS = CHANNELS.filter((channel) => channel !== 'online');

export interface ImportedResponse {
  line: number;
  channel: Channel;
  receivedOn: string;
  answers: Answer[];
}

function readRecords(text: string, fileName: string): { record: string[]; line: number }[] {
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ValidationError([
      {
        field: line === undefined ? fileName : `${fileName} line ${line}`,
        message: `is not a readable CSV file (${(error as Error).message})`,
      },
    ]);
  }
}

/** The header: `channel`, optionally `received_on`, and question codes; anything else is named and refused. */
function readHeader(header: string[], questions: readonly SurveyQuestion[], fileName: string, line: number) {
  const codes = new Set(questions.map((question) => question.code));
  const names = header.map((name) => name.trim().toLowerCase());
  const errors: FieldError[] = [];
  const at = (index: number) => `${fileName} line ${line}, column ${index + 1}`;
  names.forEach((name, index) => {
    if (name !== 'channel' && name !== 'received_on' && !codes.has(name))
      errors.push({
        field: at(index),
        message: `“${header[index]}” is not channel, received_on or a question of the survey (${[...codes].join(', ')})`,
      });
    else if (names.indexOf(name) !== index)
      errors.push({ field: at(index), message: `“${name}” is given twice` });
  });
  if (!names.includes('channel'))
    errors.push({ field: `${fileName} line ${line}`, message: 'the header must have a channel column' });
  if (errors.length) throw new ValidationError(errors);
  return names;
}

/**
 * Responses gathered off line (paper forms, events, citizens' panels), one a row: `channel`, optionally
 * `received_on` (else today), and a column per question by its code. A choice is given by its code or its
 * label; a multiple-choice cell separates its choices with semicolons; a blank cell is no answer (a paper
 * form may be left partly blank). Every bad cell is named by its line and column; any one saves nothing.
 */
export function parseResponsesCsv(
  text: string,
  fileName: string,
  questions: readonly SurveyQuestion[],
  today: string,
): ImportedResponse[] {
  const [first, ...rows] = readRecords(text, fileName);
  if (!first) throw new ValidationError([{ field: fileName, message: 'is empty' }]);
  const names = readHeader(first.record, questions, fileName, first.line);
  if (rows.length === 0)
    throw new ValidationError([{ field: fileName, message: 'has a header but no responses' }]);
  const errors: FieldError[] = [];
  const responses: ImportedResponse[] = [];
  for (const { record, line } of rows) {
    const cell = (name: string) => (record[names.indexOf(name)] ?? '').trim();
    const at = (name: string) => `${fileName} line ${line}, column ${name}`;
    const channel = cell('channel').toLowerCase();
    if (!(IMPORT_CHANNELS as readonly string[]).includes(channel))
      errors.push({
        field: at('channel'),
        message: `“${cell('channel')}” is not one of: ${IMPORT_CHANNELS.join(', ')}`,
      });
    const receivedOn =
      names.includes('received_on') && cell('received_on') !== '' ? cell('received_on') : today;
    if (!isIsoDate(receivedOn))
      errors.push({ field: at('received_on'), message: `“${receivedOn}” is not a date as YYYY-MM-DD` });
    else if (receivedOn > today)
      errors.push({ field: at('received_on'), message: `${receivedOn} is in the future` });
    const given = Object.fromEntries(
      questions.map((question) => {
        const value = cell(question.code);
        return [question.code, question.kind === 'multiple' ? value.split(';') : [value]];
      }),
    );
    const checked = checkAnswers(questions, given, {
      enforceRequired: false,
      field: (question) => at(question.code),
    });
    errors.push(...checked.errors);
    responses.push({ line, channel: channel as Channel, receivedOn, answers: checked.answers });
  }
  if (errors.length) throw new ValidationError(errors);
  return responses;
}
