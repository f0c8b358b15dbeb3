/**
 * What each audited table holds, in words an administrator reads on the audit trail. A table not listed here
 * still shows, with its name made readable, so a new domain's records are never hidden.
 */
const RECORD_TYPE_NAMES: Record<string, string> = {
  agenda_item: 'Agenda item',
  api_token: 'API token',
  app_user: 'Account',
  body: 'Organisation',
  concern: 'Concern',
  coverage_source: 'Manifesto or consultation',
  force_area: 'Force area',
  indicator: 'Indicator',
  indicator_series: 'Indicator series',
  indicator_value: 'Indicator figures',
  interest_declaration: 'Declaration of interest',
  local_authority: 'Local authority',
  lsoa_local_authority: 'Area lookup',
  meeting: 'Meeting',
  meeting_attendance: 'Attendance',
  meeting_paper: 'Meeting paper',
  member_interest: 'Member’s registered interest',
  minute_action: 'Action from the minutes',
  minute_decision: 'Decision in the minutes',
  minute_item: 'Minute',
  minutes: 'Minutes',
  plan: 'Plan',
  plan_step: 'Statutory step of a plan',
  plan_version: 'Plan version',
  police_uk_import_run: 'police.uk import',
  population_estimate: 'Population figures',
  public_question: 'Public question',
  public_question_rules: 'Public question rules',
  recommendation: 'Recommendation',
  recommendation_action: 'Action on a recommendation',
  recommendation_progress: 'Progress on a recommendation',
  scrutiny_group: 'Sub-committee or group',
  scrutiny_group_member: 'Group member',
  scrutiny_member: 'Panel member',
  scrutiny_recommendation_source: 'Where a recommendation came from',
  user_role: 'Role given to a person',
  work_programme_entry: 'Work programme entry',
};

export function recordTypeName(recordType: string): string {
  const known = RECORD_TYPE_NAMES[recordType];
  if (known) return known;
  const words = recordType.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The fields that name a record, best first, as services write them into an audit event's values. */
export const RECORD_NAME_FIELDS = [
  'displayName',
  'name',
  'title',
  'email',
  'code',
  'slug',
  'heading',
] as const;
