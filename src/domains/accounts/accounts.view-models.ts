import type { AuditEventRow } from '../../kernel/audit/audit.queries.ts';
import { recordTypeName } from '../../kernel/audit/audit-record-types.ts';
import { ROLE_LABELS } from '../../kernel/auth/roles.ts';
import { accountPaths } from './accounts.paths.ts';
import type { GrantRow, UserSummaryRow } from './accounts.queries.ts';

export function grantLabel(grant: Pick<GrantRow, 'role' | 'bodyName'>): string {
  return `${ROLE_LABELS[grant.role]} — ${grant.bodyName ?? 'whole installation'}`;
}

type UserLike = UserSummaryRow & { grants: GrantRow[] };

export function toUserView(user: UserLike) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.disabledAt ? 'Disabled' : user.hasPassword ? 'Active' : 'Invited',
    statusColour: user.disabledAt ? 'grey' : user.hasPassword ? 'green' : 'yellow',
    disabled: user.disabledAt !== null,
    twoFactor: user.totpEnabled ? 'On' : 'Off',
    grants: user.grants.map((grant) => ({
      label: grantLabel(grant),
      role: grant.role,
      body: grant.bodySlug ?? '',
    })),
  };
}

/** Before and after values as short readable text, one "field: value" per line. */
export function describeValues(values: unknown): string {
  if (values === null || values === undefined) return '';
  if (typeof values !== 'object') return String(values);
  return Object.entries(values as Record<string, unknown>)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`,
    )
    .join('\n');
}

/** "Account 12: Jo Bloggs", or "Account 12" for a record that was never audited with a name. */
function describeRecord(event: AuditEventRow, name: string | undefined): string {
  const label = `${recordTypeName(event.recordType)} ${event.recordId}`;
  return name ? `${label}: ${name}` : label;
}

export function toAuditView(
  result: {
    events: AuditEventRow[];
    hasNext: boolean;
    recordTypes: string[];
    recordNames: ReadonlyMap<string, string>;
  },
  query: {
    recordType?: string | undefined;
    actor?: string | undefined;
    from?: string | null | undefined;
    to?: string | null | undefined;
    page: number;
  },
) {
  const filterParams = new URLSearchParams();
  for (const key of ['recordType', 'actor', 'from', 'to'] as const) {
    const value = query[key];
    if (value) filterParams.set(key, value);
  }
  const pageUrl = (page: number) =>
    `${accountPaths.audit()}?${new URLSearchParams([...filterParams, ['page', String(page)]])}`;
  return {
    filter: {
      recordType: query.recordType ?? '',
      actor: query.actor ?? '',
      from: query.from ?? '',
      to: query.to ?? '',
    },
    recordTypeOptions: [
      { value: '', text: 'Any' },
      ...result.recordTypes
        .map((type) => ({ value: type, text: recordTypeName(type), selected: type === query.recordType }))
        .sort((a, b) => a.text.localeCompare(b.text)),
    ],
    rows: result.events.map((event) => [
      { text: event.occurredAt.toISOString().replace('T', ' ').slice(0, 19) },
      { text: event.actorLabel },
      { text: event.action },
      { text: describeRecord(event, result.recordNames.get(`${event.recordType}:${event.recordId}`)) },
      { text: describeValues(event.before) },
      { text: describeValues(event.after) },
    ]),
    csvUrl: `${accountPaths.audit()}?${new URLSearchParams([...filterParams, ['format', 'csv']])}`,
    previousUrl: query.page > 1 ? pageUrl(query.page - 1) : null,
    nextUrl: result.hasNext ? pageUrl(query.page + 1) : null,
  };
}
