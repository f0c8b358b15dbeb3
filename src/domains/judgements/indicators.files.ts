import { parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { type IndicatorFile, IndicatorFileSchema } from './indicators.file-schema.ts';

/**
 * Reads an indicator file (YAML or JSON) and checks it whole. Every problem names the file, the line and the
 * field's path, e.g. `police-uk.yaml line 14, indicators.2.crimeTypes.1: "Burglery" is not a police.uk crime
 * type`: definitions are hand-written, so the line matters here.
 */
export function parseIndicatorFile(text: string, fileName = 'the file'): IndicatorFile {
  return parseYamlFileWithLines(IndicatorFileSchema, text, fileName).data;
}
