import { expect } from 'vitest';
import type { Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { Role } from '../../kernel/auth/roles.ts';
import type { TestAppFixture } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { upsertBody } from './accounts.queries.ts';
import type { BodyKind, AccountsDb as Db } from './accounts.tables.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;

/** A body to give roles on, made once per name; in a force area when given one (a Panel and its office). */
export function createTestBody(
  db: Db,
  slug: string,
  kind: BodyKind = 'policing-body',
  forceAreaId: number | null = null,
) {
  return upsertBody(db, { slug, name: `Test body ${slug}`, kind, forceAreaId });
}

/** An active account with a password, made through the same services a person would use. */
export async function createTestUser(
  services: Services,
  options: { role: Role; body?: string; email?: string },
) {
  counter += 1;
  const email = options.email ?? `person${counter}-${Date.now()}@test.example`;
  const actor = systemActor('test');
  const { userId, setPasswordUrl } = await services.users.createUser(actor, {
    email,
    displayName: `Test Person ${counter}`,
    role: options.role,
    body: options.body,
  });
  const token = setPasswordUrl.split('/').pop() ?? '';
  await services.signIn.setPasswordWithLink(token, TEST_PASSWORD, TEST_PASSWORD);
  return { userId, email };
}

/** A browser signed in to the fixture's app as a new account holding the role (on the body). */
export async function signInAs(
  { app, services }: Pick<TestAppFixture, 'app' | 'services'>,
  options: { role: Role; body?: string; email?: string },
): Promise<TestClient> {
  const { email } = await createTestUser(services, options);
  const client = new TestClient(app);
  expect((await client.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  return client;
}

/** A police force area GSS code of the test's own, from the office's slug, so offices never share one. */
function gssCodeOf(slug: string): string {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return `E23${String(hash).padStart(6, '0')}`;
}

/** A Commissioner's office and its Panel (`<office>-panel`) in a force area of their own (`<office>-area`). */
export async function createOfficeWithPanel(database: { db: Db }, services: Services, office: string) {
  const forceAreaId = await services.areas.saveForceArea(systemActor('test'), {
    slug: `${office}-area`,
    name: `Test area ${office}`,
    gssCode: gssCodeOf(office),
    localAuthorities: [],
  });
  const panel = `${office}-panel`;
  return {
    forceAreaId,
    officeId: await createTestBody(database.db, office, 'policing-body', forceAreaId),
    panel,
    panelId: await createTestBody(database.db, panel, 'scrutiny-panel', forceAreaId),
  };
}
