import { parseYamlFile, toYaml } from '../../kernel/formats/yaml-file.ts';
import {
  CoverageFileSchema,
  type PlanFile,
  PlanFileSchema,
  PlanStepsFileSchema,
} from './plans.file-schema.ts';

export const parsePlanFile = (text: string, fileName?: string) =>
  parseYamlFile(PlanFileSchema, text, fileName);
export const parseCoverageFile = (text: string, fileName?: string) =>
  parseYamlFile(CoverageFileSchema, text, fileName);
export const parsePlanStepsFile = (text: string, fileName?: string) =>
  parseYamlFile(PlanStepsFileSchema, text, fileName);
export const planFileToYaml = (file: PlanFile): string => toYaml(file);
