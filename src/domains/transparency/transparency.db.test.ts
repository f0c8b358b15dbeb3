import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectMatchesOpenApi } from '../../kernel/testing/openapi.ts';
import { useTestApp } from '../../kernel/testing/test-app.ts';
import type { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { createTestBody, signInAs } from '../accounts/accounts.testing.ts';
import { parseContractsCsv, parseSpendingCsv, transparencyPaths as paths } from './index.ts';

const BODY = 'transparency-test-pcc';
const HEADER = 'Date,Supplier,Amount,Expense Category,Service Area,Transaction Number';
const OCTOBER = [
  HEADER,
  '02/10/2026,Acme Fleet Ltd,"1,250.00",Vehicle Maintenance,Fleet,T1',
  '15/10/2026,Bright Energy Ltd,"9,000.10",Energy,Estates,T2',
  '20/10/2026,Acme Fleet Ltd,-600.00,Vehicle Maintenance,Fleet,T3',
].join('\n');
const CONTRACTS = [
  'Reference,Title,Supplier,Value,Start Date,End Date,Procurement Route',
  'C-1,Fleet servicing,Acme Fleet Ltd,"250,000.00",01/04/2026,31/03/2029,Open tender',
].join('\n');

/** A local HTTP server the link checks ask: /ok answers 200, /gone 404, /no-head refuses HEAD but serves GET. */
function startLinkServer() {
  const server = http.createServer((request, response) => {
    if (request.url === '/no-head' && request.method === 'HEAD') response.writeHead(405).end();
    else response.writeHead(request.url === '/gone' ? 404 : 200).end('page');
  });
  return new Promise<http.Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.each(testEngines())('transparency: duties, spending and contracts, on %s', (engine) => {
  const fixture = useTestApp(engine);
  const actor = systemActor('test');
  let officer: TestClient;
  let server: http.Server;
  let base: string;
  const loadMonth = (text: string, month = '2026-10') =>
    fixture.services.transparency.importSpendingMonth(actor, {
      body: BODY,
      month,
      fileName: 'oct.csv',
      lines: parseSpendingCsv(text, 'oct.csv', month),
    });
  const auditCount = async () =>
    (
      await fixture.database.current.db
        .selectFrom('auditEvent')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('recordType', '=', 'spending-month')
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    await createTestBody(fixture.database.current.db, BODY);
    officer = await signInAs(fixture, { role: 'opcc-officer', body: BODY });
    server = await startLinkServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  it('loads a month, changes nothing when the same month is loaded again, and replaces it with an audit', async () => {
    expect(await loadMonth(OCTOBER)).toMatchObject({ lines: 3, changed: true });
    expect(await loadMonth(OCTOBER)).toMatchObject({ lines: 3, changed: false });
    expect(Number(await auditCount())).toBe(1);
    const corrected = OCTOBER.replace('"9,000.10"', '"9,100.10"');
    expect(await loadMonth(corrected)).toMatchObject({ changed: true });
    expect(Number(await auditCount())).toBe(2);
    const read = await fixture.services.transparency.readSpending(BODY, {
      month: null,
      supplier: 'acme',
      category: null,
      service: null,
    });
    expect(read.transactions.map((row) => row.amountPence)).toEqual([125000, -60000]);
    expect(read.months).toMatchObject([{ month: '2026-10-01', lines: 3, totalPence: 975010 }]);
  });

  it('refuses a month for a body the officer does not keep, and saves nothing', async () => {
    const other = 'transparency-other-pcc';
    await createTestBody(fixture.database.current.db, other);
    const refused = fixture.services.transparency.importSpendingMonth(
      {
        kind: 'user',
        userId: 9,
        email: 'x@example.org',
        displayName: 'X',
        grants: [],
        sessionSecondFactor: false,
      },
      {
        body: other,
        month: '2026-10',
        fileName: 'oct.csv',
        lines: parseSpendingCsv(OCTOBER, 'oct.csv', '2026-10'),
      },
    );
    await expect(refused).rejects.toThrow('permission');
    const read = await fixture.services.transparency.readSpending(other, {
      month: null,
      supplier: null,
      category: null,
      service: null,
    });
    expect(read.transactions).toEqual([]);
  });

  it('loads contracts by reference, again as no change, and shows spending and contracts as evidence', async () => {
    const lines = parseContractsCsv(CONTRACTS, 'c.csv');
    expect(await fixture.services.transparency.importContracts(actor, { body: BODY, lines })).toMatchObject({
      changes: 1,
    });
    expect(await fixture.services.transparency.importContracts(actor, { body: BODY, lines })).toMatchObject({
      changes: 0,
    });
    const register = await fixture.services.transparency.readRegister(actor, BODY);
    const line = (code: string) => register.duties.find((each) => each.duty.code === code);
    expect(line('3(g)')?.evidence).toMatchObject({ period: '2026-10', href: paths.spending({ body: BODY }) });
    expect(line('4(b)')?.status.state).toBe('met');
    expect(line('1(e)')?.status.state).toBe('missing');
  });

  it('records a duty met through the form, refusing a monthly duty without its month', async () => {
    const form = {
      duty: '3(f)',
      'metOn-day': '10',
      'metOn-month': '11',
      'metOn-year': '2026',
      evidenceUrl: `${base}/ok`,
    };
    const refused = await officer.post(paths.recordDuty({ body: BODY }), form);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#period"');
    const recorded = await officer.post(paths.recordDuty({ body: BODY }), { ...form, period: '2026-10' });
    expect(recorded.statusCode).toBe(303);
    const register = await fixture.services.transparency.readRegister(actor, BODY);
    const grants = register.duties.find((each) => each.duty.code === '3(f)');
    expect(grants?.evidence).toMatchObject({ period: '2026-10', href: `${base}/ok` });
    const anonymous = await fixture.app.inject({
      method: 'POST',
      url: paths.recordDuty({ body: BODY }),
      payload: form,
    });
    expect(anonymous.statusCode).not.toBe(303);
  });

  it('checks recorded addresses against a server on demand: reachable, missing, refusing HEAD, unreachable', async () => {
    const note = (url: string) =>
      fixture.services.transparency.recordDutyMet(actor, BODY, {
        duty: '8',
        metOn: '2026-11-01',
        period: null,
        evidenceUrl: url,
        note: null,
      });
    await note(`${base}/gone`);
    await note(`${base}/no-head`);
    await note('http://127.0.0.1:9/closed');
    const results = await fixture.services.transparency.checkAllLinks(actor, BODY);
    const byUrl = Object.fromEntries(results.map((result) => [result.url.replace(base, ''), result]));
    expect(byUrl['/ok']).toMatchObject({ status: 200, problem: null });
    expect(byUrl['/gone']).toMatchObject({ status: 404, problem: 'The address answered 404 Not Found' });
    expect(byUrl['/no-head']).toMatchObject({ status: 200, problem: null });
    expect(byUrl['http://127.0.0.1:9/closed']?.problem).toMatch(/^The address could not be reached/);
    const page = await officer.get(paths.compliance({ body: BODY }));
    expect(page.body).toContain('The address answered 404 Not Found');
  });

  it('publishes the compliance page, spending with filters, CSV and JSON that match the OpenAPI document', async () => {
    const page = await fixture.app.inject({ method: 'GET', url: paths.compliance({ body: BODY }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Spending over £500');
    expect(page.body).not.toContain('Record a duty met');
    const filtered = await fixture.app.inject({
      method: 'GET',
      url: `${paths.spending({ body: BODY })}?category=Energy`,
    });
    expect(filtered.body).toContain('Bright Energy Ltd');
    expect(filtered.body).not.toContain('Acme Fleet Ltd</td>');
    const csv = await fixture.app.inject({
      method: 'GET',
      url: `${paths.spendingCsv({ body: BODY })}?supplier=acme`,
    });
    expect(csv.body.split('\r\n')[1]).toBe(
      '2026-10-02,Acme Fleet Ltd,125000,Vehicle Maintenance,Fleet,T1,2026-10,2',
    );
    const document = (await fixture.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const [path, url] of [
      [paths.apiDuties.openApi, paths.apiDuties({ body: BODY })],
      [paths.apiSpending.openApi, paths.apiSpending({ body: BODY })],
      [paths.apiContracts.openApi, paths.apiContracts({ body: BODY })],
    ] as const) {
      const response = await fixture.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expectMatchesOpenApi(document, 'get', path, 200, response.json());
    }
    const missing = await fixture.app.inject({
      method: 'GET',
      url: paths.apiDuties({ body: 'no-such-body' }),
    });
    expect(missing.statusCode).toBe(404);
    const overdue = await officer.get(paths.overdue());
    expect(overdue.body).toContain('Register of interests of office holders');
  });
});
