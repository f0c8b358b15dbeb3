import { parseYamlFile } from '../../kernel/formats/yaml-file.ts';
import { type RecordsFile, RecordsFileSchema } from './scrutiny-records.file-schema.ts';

/** Reads a scrutiny records file (YAML or JSON) and checks it whole; every problem names its path. */
export const parseRecordsFile = (text: string, fileName?: string): RecordsFile =>
  parseYamlFile(RecordsFileSchema, text, fileName);
