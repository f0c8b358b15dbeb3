/** Who reported a Thames Valley record, and no place for it: the fields row fixtures share. */
export const THAMES_VALLEY_UNPLACED = {
  reportedBy: 'Thames Valley Police',
  fallsWithin: 'Thames Valley Police',
  longitude: null,
  latitude: null,
  location: null,
  lsoaCode: null,
  lsoaName: null,
} as const;
