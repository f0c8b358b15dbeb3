import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Role } from '../../kernel/auth/roles.ts';
import { findBodyBySlug, listUsers, upsertBody } from './accounts.queries.ts';
import type { BodyKind, AccountsDb as Db } from './accounts.tables.ts';
import type { UsersService } from './users.service.ts';

const DEMO_BODIES: { slug: string; name: string; kind: BodyKind }[] = [
  { slug: 'thames-valley-pcc', name: 'Thames Valley Police and Crime Commissioner', kind: 'policing-body' },
  { slug: 'thames-valley-panel', name: 'Thames Valley Police and Crime Panel', kind: 'scrutiny-panel' },
  { slug: 'reading-borough-council', name: 'Reading Borough Council', kind: 'partner-organisation' },
];

const DEMO_PEOPLE: { email: string; displayName: string; role: Role; body?: string }[] = [
  { email: 'admin@peelian.example', displayName: 'Demo Administrator', role: 'admin' },
  {
    email: 'opcc.officer@peelian.example',
    displayName: 'Demo OPCC Officer',
    role: 'opcc-officer',
    body: 'thames-valley-pcc',
  },
  {
    email: 'force.analyst@peelian.example',
    displayName: 'Demo Force Analyst',
    role: 'force-analyst',
    body: 'thames-valley-pcc',
  },
  {
    email: 'scrutiny.officer@peelian.example',
    displayName: 'Demo Scrutiny Officer',
    role: 'scrutiny-officer',
    body: 'thames-valley-panel',
  },
  {
    email: 'panel.member@peelian.example',
    displayName: 'Demo Panel Member',
    role: 'panel-member',
    body: 'thames-valley-panel',
  },
  {
    email: 'grants@peelian.example',
    displayName: 'Demo Grant Applicant',
    role: 'grant-applicant',
    body: 'reading-borough-council',
  },
];

/**
 * The Thames Valley bodies, and on first start (no accounts yet) one demo person per role. Each gets a
 * one-time link to choose a password, returned for printing once: no password is written anywhere.
 */
export async function seedDemoAccounts(
  db: Db,
  users: UsersService,
  actor: Actor,
  thamesValleyForceAreaId: number,
): Promise<{ people: { email: string; role: Role; setPasswordUrl: string }[] }> {
  await db.transaction().execute(async (trx) => {
    for (const body of DEMO_BODIES) {
      const existing = await findBodyBySlug(trx, body.slug);
      const id = await upsertBody(trx, { ...body, forceAreaId: thamesValleyForceAreaId });
      await recordChange(
        trx,
        actor,
        { type: 'body', id },
        existing && { slug: existing.slug, name: existing.name, kind: existing.kind },
        { slug: body.slug, name: body.name, kind: body.kind },
      );
    }
  });
  if ((await listUsers(db)).length > 0) return { people: [] };
  const people = [];
  for (const person of DEMO_PEOPLE) {
    const { setPasswordUrl } = await users.createUser(actor, person);
    people.push({ email: person.email, role: person.role, setPasswordUrl });
  }
  return { people };
}
