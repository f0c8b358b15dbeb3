import { parseYamlFile, parseYamlFileWithLines } from '../../../kernel/formats/yaml-file.ts';
import { type RecordsFile, RecordsFileSchema } from './records.file-schema.ts';

/** Reads a scrutiny records file (YAML or JSON) and checks it whole; every problem names its path. */
export const parseRecordsFile = (text: string, fileName?: string): RecordsFile =>
  parseYamlFile(RecordsFileSchema, text, fileName);

/**
 * The same, naming the line of each problem too, and able to place the problems a load finds later (a
 * meeting or minute the database lacks) in the file: for a file someone is editing by hand.
 */
export const parseRecordsFileWithLines = (text: string, fileName: string) =>
  parseYamlFileWithLines(RecordsFileSchema, text, fileName);
