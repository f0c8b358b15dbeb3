/**
 * The words police.uk uses in the columns the import counts by. A row naming anything else is rejected, and an
 * indicator definition naming anything else is refused, so neither can quietly count nothing. Crime types are
 * the categories of the street-level files since May 2013; anti-social behaviour appears among them in the files
 * but is not a crime, so it is listed apart.
 */
export const ANTI_SOCIAL_BEHAVIOUR = 'Anti-social behaviour';

export const POLICE_UK_CRIME_TYPES = [
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const;

/** The "Last outcome category" values of street-level files (every one police.uk has used). */
export const POLICE_UK_OUTCOME_CATEGORIES = [
  'Action to be taken by another organisation',
  'Awaiting court outcome',
  'Court case unable to proceed',
  'Court result unavailable',
  'Defendant found not guilty',
  'Defendant sent to Crown Court',
  'Formal action is not in the public interest',
  'Further action is not in the public interest',
  'Further investigation is not in the public interest',
  'Investigation complete; no suspect identified',
  'Local resolution',
  'Offender deprived of property',
  'Offender fined',
  'Offender given a caution',
  'Offender given a drugs possession warning',
  'Offender given absolute discharge',
  'Offender given community sentence',
  'Offender given conditional discharge',
  'Offender given penalty notice',
  'Offender given suspended prison sentence',
  'Offender ordered to pay compensation',
  'Offender otherwise dealt with',
  'Offender sent to prison',
  'Status update unavailable',
  'Suspect charged as part of another case',
  'Unable to prosecute suspect',
  'Under investigation',
] as const;

/** Crime types police.uk used before May 2013; an old file may still hold them. */
export const FORMER_POLICE_UK_CRIME_TYPES = ['Public disorder and weapons', 'Violent crime'] as const;

/** The "Outcome type" values of outcomes files: the street files' categories, and "Suspect charged". */
export const POLICE_UK_OUTCOME_TYPES = [...POLICE_UK_OUTCOME_CATEGORIES, 'Suspect charged'] as const;
