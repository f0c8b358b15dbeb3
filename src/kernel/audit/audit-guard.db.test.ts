import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { peelian, SLOW } from '../../cli/cli.testing.ts';
import { PROJECT_ROOT } from '../assets/build-assets.ts';
import { openPostgres } from '../db/postgres.ts';
import { createTestDatabase, testEngines } from '../testing/test-database.ts';
import { AUDIT_OWNER_GUIDE, auditGuardWarning } from './audit-guard.ts';

const setUpScript = fs.readFileSync(path.join(PROJECT_ROOT, AUDIT_OWNER_GUIDE), 'utf8');

describe.each(testEngines())('who can rewrite the audit trail on %s', (engine) => {
  if (engine === 'pglite') {
    it('has no roles to check on the embedded database', async () => {
      const database = await createTestDatabase('pglite');
      try {
        expect(await auditGuardWarning(database.sql, 'pglite')).toBeNull();
      } finally {
        await database.close();
      }
    });
    return;
  }

  it(
    'makes `peelian db migrate` warn when run as a role that could rewrite the audit trail',
    async () => {
      const database = await createTestDatabase('postgresql');
      try {
        const [{ name } = { name: '' }] = await database.sql.query<{ name: string }>(
          'SELECT current_database() AS name',
        );
        const run = await peelian(['db', 'migrate'], {
          DATABASE_URL: urlOf(inject('postgresTemplates')?.adminUrl ?? '', name),
        });
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/Warning: the database role \S+ is a superuser/);
      } finally {
        await database.close();
      }
    },
    SLOW,
  );

  it('warns while the application role owns the audit table; once handed over, the role can only add and read', async () => {
    const suffix = randomBytes(4).toString('hex');
    const appRole = `peelian_app_${suffix}`;
    const ownerRole = `peelian_audit_owner_${suffix}`;
    const admin = await createTestDatabase('postgresql');
    const adminUrl = inject('postgresTemplates')?.adminUrl ?? '';
    const [{ name } = { name: '' }] = await admin.sql.query<{ name: string }>(
      'SELECT current_database() AS name',
    );
    const appUrl = urlOf(adminUrl, name, appRole);
    try {
      await admin.sql.exec(`CREATE ROLE ${appRole} LOGIN; GRANT ALL ON SCHEMA public TO ${appRole};
        ALTER TABLE audit_event OWNER TO ${appRole}; ALTER FUNCTION audit_event_refuse_change() OWNER TO ${appRole}`);
      expect(await auditGuardWarning(admin.sql, 'postgresql')).toMatch(/is a superuser/);

      const app = await openPostgres(appUrl, 1);
      try {
        expect(await auditGuardWarning(app.sql, 'postgresql')).toMatch(
          new RegExp(`role ${appRole} owns the audit table or its guard.*${AUDIT_OWNER_GUIDE}`),
        );
      } finally {
        await app.close();
      }

      const handOver = () =>
        admin.sql.transaction((tx) =>
          tx.exec(
            `SET LOCAL peelian.app_role = '${appRole}'; SET LOCAL peelian.audit_owner = '${ownerRole}'; ${setUpScript}`,
          ),
        );
      await handOver();
      await handOver(); // a second run changes nothing and fails on nothing

      const handedOver = await openPostgres(appUrl, 1);
      try {
        expect(await auditGuardWarning(handedOver.sql, 'postgresql')).toBeNull();
        await handedOver.sql.query(
          `INSERT INTO audit_event (actor_kind, actor_label, action, record_type, record_id)
           VALUES ('system', 'test', 'create', 'test', '1')`,
        );
        expect(await handedOver.sql.query('SELECT id FROM audit_event')).toHaveLength(1);
        for (const attempt of [
          'ALTER TABLE audit_event DISABLE TRIGGER ALL',
          'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete',
          'DROP TRIGGER audit_event_no_update_or_delete ON audit_event',
          'DROP FUNCTION audit_event_refuse_change() CASCADE',
          `UPDATE audit_event SET actor_label = 'someone else'`,
          'DELETE FROM audit_event',
          'TRUNCATE audit_event',
          `SET ROLE ${ownerRole}`,
        ]) {
          await expect(handedOver.sql.query(attempt), attempt).rejects.toThrow(
            /permission denied|must be owner|must be able to SET ROLE|append-only/,
          );
        }
        expect(await handedOver.sql.query('SELECT actor_label FROM audit_event')).toEqual([
          { actor_label: 'test' },
        ]);
      } finally {
        await handedOver.close();
      }
    } finally {
      await admin.close();
      await dropRoles(adminUrl, [appRole, ownerRole]);
    }
  });
});

/** The URL of a database on the test server, as the given role. */
function urlOf(adminUrl: string, database: string, role?: string): string {
  const url = new URL(adminUrl);
  if (role) {
    url.username = role;
    url.password = '';
  }
  url.pathname = `/${database}`;
  return url.toString();
}

/** Roles belong to the server, not the test database: drop them once the database is gone. */
async function dropRoles(adminUrl: string, roles: string[]) {
  const server = await openPostgres(adminUrl, 1);
  try {
    for (const role of roles) await server.sql.exec(`DROP ROLE IF EXISTS ${role}`);
  } finally {
    await server.close();
  }
}
