// The vocabulary belongs to the police.uk import, which rejects rows outside it; indicators use the same words.
export {
  ANTI_SOCIAL_BEHAVIOUR,
  POLICE_UK_CRIME_TYPES,
  POLICE_UK_OUTCOME_CATEGORIES,
} from '../performance/index.ts';
