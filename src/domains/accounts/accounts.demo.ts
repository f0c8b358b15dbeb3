import { systemActor } from '../../kernel/auth/actor.ts';
import type { Role } from '../../kernel/auth/roles.ts';
import type { Db } from '../../schema.ts';
import { listUsers, upsertBody } from './accounts.queries.ts';
import type { UsersService } from './users.service.ts';

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
  thamesValleyForceAreaId: number,
): Promise<{ people: { email: string; role: Role; setPasswordUrl: string }[] }> {
  await upsertBody(db, {
    slug: 'thames-valley-pcc',
    name: 'Thames Valley Police and Crime Commissioner',
    kind: 'policing-body',
    forceAreaId: thamesValleyForceAreaId,
  });
  await upsertBody(db, {
    slug: 'thames-valley-panel',
    name: 'Thames Valley Police and Crime Panel',
    kind: 'scrutiny-panel',
    forceAreaId: thamesValleyForceAreaId,
  });
  await upsertBody(db, {
    slug: 'reading-borough-council',
    name: 'Reading Borough Council',
    kind: 'partner-organisation',
    forceAreaId: thamesValleyForceAreaId,
  });
  if ((await listUsers(db)).length > 0) return { people: [] };
  const actor = systemActor('demo seed');
  const people = [];
  for (const person of DEMO_PEOPLE) {
    const { setPasswordUrl } = await users.createUser(actor, person);
    people.push({ email: person.email, role: person.role, setPasswordUrl });
  }
  return { people };
}
