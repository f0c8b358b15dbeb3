import { parseYamlFile } from '../../../kernel/formats/yaml-file.ts';
import { type PanelFile, PanelFileSchema } from './panel.file-schema.ts';

/** Reads a panel file (YAML or JSON) and checks it whole; every problem names its path. */
export const parsePanelFile = (text: string, fileName?: string): PanelFile =>
  parseYamlFile(PanelFileSchema, text, fileName);
