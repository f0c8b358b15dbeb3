import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.ts';
import { testEngines, useTestDatabase } from '../testing/test-database.ts';
import { listAuditEvents } from './audit.queries.ts';
import { recordAudit } from './audit.ts';

describe.each(testEngines())('the audit trail on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('records who changed what, with before and after, and never a secret', async () => {
    const { db } = database.current;
    await recordAudit(
      db,
      systemActor('cli:tester'),
      {
        action: 'update',
        recordType: 'app_user',
        recordId: 42,
        before: { displayName: 'Old', password_hash: '$argon2id$secret' },
        after: { displayName: 'New', totpSecret: 'ABCDEF' },
      },
      'req-1',
    );
    const [event] = await listAuditEvents(db, { recordType: 'app_user' }, { limit: 10, offset: 0 });
    expect(event).toMatchObject({
      actorKind: 'system',
      actorLabel: 'cli:tester',
      action: 'update',
      recordType: 'app_user',
      recordId: '42',
      before: { displayName: 'Old', password_hash: '[secret]' },
      after: { displayName: 'New', totpSecret: '[secret]' },
      requestId: 'req-1',
    });
  });

  it('filters by who made the change and by date', async () => {
    const { db } = database.current;
    await recordAudit(db, systemActor('cli:someone-else'), {
      action: 'create',
      recordType: 'body',
      recordId: 1,
    });
    const byActor = await listAuditEvents(db, { actor: 'SOMEONE' }, { limit: 10, offset: 0 });
    expect(byActor.map((event) => event.actorLabel)).toEqual(['cli:someone-else']);
    const future = await listAuditEvents(db, { from: '2999-01-01' }, { limit: 10, offset: 0 });
    expect(future).toEqual([]);
  });

  it.each([
    ['UPDATE audit_event SET actor_label = $1', ['someone innocent']],
    ['DELETE FROM audit_event', []],
    ['TRUNCATE audit_event', []],
  ])('refuses %s: the trail is append-only in the database itself', async (statement, params) => {
    const { sql } = database.current;
    await recordAudit(database.current.db, systemActor('cli:tester'), {
      action: 'create',
      recordType: 'body',
      recordId: 2,
    });
    const before = await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_event');
    await expect(sql.query(statement, params)).rejects.toThrow(/audit_event is append-only/);
    const after = await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_event');
    expect(after).toEqual(before);
  });
});
