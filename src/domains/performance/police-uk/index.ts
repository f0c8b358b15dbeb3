export {
  COPY_COLUMNS,
  type CopyValue,
  copyValues,
  toCopyLine,
  toCopyRow,
  toCopyText,
  toCopyValue,
} from './police-uk.copy.ts';
export { type CsvRecord, CsvSplitter, CsvSyntaxError } from './police-uk.csv.ts';
export { PoliceUkInputError, type PoliceUkReject } from './police-uk.errors.ts';
export {
  describeKind,
  detectPoliceUkKind,
  OUTCOMES_COLUMNS,
  POLICE_UK_COLUMNS,
  POLICE_UK_KINDS,
  type PoliceUkKind,
  STOP_AND_SEARCH_COLUMNS,
  STREET_COLUMNS,
} from './police-uk.layouts.ts';
export {
  checkPoliceUkSourceName,
  type OpenPoliceUkFileOptions,
  openPoliceUkFile,
  type PoliceUkFile,
  type PoliceUkFileOf,
  type PoliceUkFileSummary,
} from './police-uk.reader.ts';
export {
  type CoordinateBounds,
  ENGLAND_AND_WALES_BOUNDS,
  type OutcomeRow,
  type PoliceUkRow,
  type PoliceUkRowOf,
  type StopAndSearchRow,
  type StreetCrimeRow,
} from './police-uk.rows.ts';
export {
  listPoliceUkSources,
  type PoliceUkFileName,
  type PoliceUkSource,
  type PoliceUkSourceList,
  parsePoliceUkFileName,
} from './police-uk.sources.ts';
export {
  ANTI_SOCIAL_BEHAVIOUR,
  FORMER_POLICE_UK_CRIME_TYPES,
  POLICE_UK_CRIME_TYPES,
  POLICE_UK_OUTCOME_CATEGORIES,
  POLICE_UK_OUTCOME_TYPES,
} from './police-uk.vocabulary.ts';
