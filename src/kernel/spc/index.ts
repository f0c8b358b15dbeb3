export { SpcInputError, type SpcInputField } from './errors.ts';
export { analyseSpc, FIRM_LIMITS_POINTS, MAXIMUM_MAGNITUDE, MINIMUM_BASELINE_POINTS } from './spc.ts';
export {
  IMPROVEMENT_DIRECTIONS,
  type ImprovementDirection,
  POINT_TYPES,
  type PointType,
  SPC_METHOD,
  SPECIAL_CAUSE_RULES,
  type SpcInput,
  type SpcPoint,
  type SpcResult,
  type SpcSegment,
  type SpecialCauseRule,
} from './types.ts';
