export type SpcInputField =
  | 'values'
  | 'improvement'
  | 'screenOutliers'
  | 'baselinePoints'
  | 'recalculateAt'
  | 'gapsBefore';

/** The input cannot be analysed. `field` names the offending input so an API can answer 400 about it. */
export class SpcInputError extends Error {
  override name = 'SpcInputError';
  readonly field: SpcInputField;

  constructor(field: SpcInputField, message: string) {
    super(message);
    this.field = field;
  }
}
