import type { FastifyInstance } from 'fastify';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { uidDomain } from '../../kernel/formats/icalendar.ts';
import { expectNeverPublic } from '../../kernel/testing/confidentiality.ts';
import { buildTestApp, TEST_URLS } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from '../accounts/accounts.testing.ts';
import { createTestOffice } from './decisions.testing.ts';
import { decisionPaths as paths } from './index.ts';

const system = systemActor('test');
const OFFICE = 'routes-office';

/** Day, month and year boxes of the GOV.UK date input, as a browser posts them. */
const parts = (name: string, date: string) => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

const NEW_DECISION = {
  body: OFFICE,
  number: 'R-001',
  title: 'Community safety grants',
  summary: 'The grants for the year.',
  maker: 'pcc' as const,
  keyDecision: 'yes',
  value: '£12,500',
  advice: 'Within budget.',
  part: 'part-1',
  publicStub: '',
  part2Advice: '',
  exemption: '',
  informationRegime: 'foia' as const,
  priorities: 'PC1, PC2',
};

const SIGN_OFF = {
  ...parts('decidedOn', '2024-05-03'),
  cfoName: 'A Finance Officer',
  ...parts('cfoSignedOn', '2024-05-02'),
  monitoringOfficerName: 'A Chief Executive',
  ...parts('monitoringOfficerSignedOn', '2024-05-02'),
};

describe.each(testEngines())('the decision register’s pages, forms and API, on %s', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let services: Services;
  let officer: TestClient;
  let office: Awaited<ReturnType<typeof createTestOffice>>;

  beforeAll(async () => {
    services = buildServices(database.current, TEST_URLS);
    office = await createTestOffice(database.current, services, OFFICE);
    app = await buildTestApp(database.current);
    const { email } = await createTestUser(services, { role: 'opcc-officer', body: OFFICE });
    officer = new TestClient(app);
    expect((await officer.post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(303);
  });
  afterAll(() => app.close());

  it('records a decision through the form, refuses a sign-off after the decision on its field, and publishes', async () => {
    const form = await officer.get(paths.add());
    expect(form.body).toContain('name="plannedOn-day"');
    const recorded = await officer.post(paths.add(), NEW_DECISION);
    expect(recorded.statusCode).toBe(303);
    const url = paths.decision({ body: OFFICE, number: 'R-001' });
    expect(recorded.headers.location).toBe(url);

    const target = { body: OFFICE, number: 'R-001' };
    const refused = await officer.post(paths.signOff(target), {
      ...SIGN_OFF,
      ...parts('cfoSignedOn', '2024-05-04'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#sign-off-cfoSignedOn"');
    expect(refused.body).toContain('The chief finance officer signs off before the decision is taken');
    expect(refused.body).toContain('name="cfoSignedOn-day" type="text" value="04"');

    const early = await officer.post(paths.publish(target));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('href="#sign-off-decidedOn"');
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);

    expect((await officer.post(paths.signOff(target), SIGN_OFF)).statusCode).toBe(303);
    expect((await officer.post(paths.publish(target))).statusCode).toBe(303);
    const page = await app.inject({ method: 'GET', url });
    expect(page.body).toContain('Community safety grants');
    expect(page.body).toContain('£12,500');
    const api = await app.inject({ method: 'GET', url: paths.apiDecision(target) });
    expect(api.json()).toMatchObject({
      number: 'R-001',
      decidedOn: '2024-05-03',
      // Friday 3 May 2024, then the early May bank holiday: due Tuesday 7 May.
      publicationDueOn: '2024-05-07',
      chiefFinanceOfficer: { name: 'A Finance Officer', date: '2024-05-02' },
      priorities: ['PC1', 'PC2'],
      valuePence: 1_250_000,
    });
  });

  it('refuses a bad form with each field named and saves nothing', async () => {
    const refused = await officer.post(paths.add(), {
      ...NEW_DECISION,
      number: 'R 002!',
      part: 'part-2',
      value: 'lots',
      ...parts('plannedOn', '2027-02-30'),
    });
    expect(refused.statusCode).toBe(400);
    for (const field of ['number', 'value', 'plannedOn']) expect(refused.body).toContain(`href="#${field}"`);
    const part2 = await officer.post(paths.add(), { ...NEW_DECISION, number: 'R-002', part: 'part-2' });
    expect(part2.statusCode).toBe(400);
    expect(part2.body).toContain('href="#publicStub"');
    expect(part2.body).toContain('href="#exemption"');
    const register = await officer.get(paths.register());
    expect(register.body).not.toContain('R-002');
  });

  it('never shows a Part 2 decision, its advice, or Part 2 advice, on any public page, download or API', async () => {
    const secret = `secret-${Math.random().toString(36).slice(2)}`;
    const advice = `advice-${Math.random().toString(36).slice(2)}`;
    const part1Advice = `part1-advice-${Math.random().toString(36).slice(2)}`;
    const target = { body: OFFICE, number: 'R-003' };
    await services.decisions.recordDecision(system, {
      ...NEW_DECISION,
      number: 'R-003',
      keyDecision: true,
      plannedOn: null,
      value: 99,
      title: secret,
      summary: secret,
      advice: secret,
      part: 'part-2',
      publicStub: 'A property matter',
      part2Advice: advice,
      exemption: 'Section 43 FOIA',
      informationRegime: 'foia',
      priorities: [],
      meetings: [],
      recommendations: [],
    });
    await services.decisions.recordDecision(system, {
      ...NEW_DECISION,
      number: 'R-004',
      keyDecision: false,
      plannedOn: null,
      value: null,
      part: 'part-1',
      publicStub: null,
      part2Advice: part1Advice,
      exemption: 'Section 31 FOIA',
      priorities: [],
      meetings: [],
      recommendations: [],
      advice: null,
    });
    for (const number of ['R-003', 'R-004']) {
      const each = { body: OFFICE, number };
      await services.decisions.signOffDecision(system, each, {
        decidedOn: '2024-06-03',
        cfoName: 'A',
        cfoSignedOn: '2024-06-03',
        monitoringOfficerName: 'B',
        monitoringOfficerSignedOn: '2024-06-03',
      });
      await services.decisions.publishDecision(system, each);
    }
    const urls = [
      paths.decision(target),
      paths.apiDecision(target),
      paths.decision({ body: OFFICE, number: 'R-004' }),
      paths.apiDecision({ body: OFFICE, number: 'R-004' }),
      paths.register({}, { year: 2024 }),
      paths.csv(),
      paths.json(),
      paths.apiList(),
      '/calendar.ics',
    ];
    for (const marker of [secret, advice, part1Advice]) await expectNeverPublic(app, marker, urls);
    const stub = await app.inject({ method: 'GET', url: paths.decision(target) });
    expect(stub.body).toContain('A property matter');
    expect(stub.body).toContain('Section 43 FOIA');
    // The office's officer sees it whole.
    expect((await officer.get(paths.decision(target))).body).toContain(advice);
  });

  it('offers the register as CSV and JSON, filtered, and the forward plan only to the Panel and the office', async () => {
    const csv = await app.inject({ method: 'GET', url: paths.csv({}, { maker: 'pcc' }) });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="decisions.csv"');
    expect(csv.body.split('\r\n')[0]).toContain('number,office,part,title');
    expect(csv.body).toContain('R-001');
    const json = await app.inject({ method: 'GET', url: paths.json({}, { maker: 'deputy' }) });
    expect(json.json().decisions).toEqual([]);
    const badFilter = await app.inject({ method: 'GET', url: paths.apiList({}, { year: 'soon' }) });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.body).toContain('year must be a year');

    await services.decisions.recordDecision(system, {
      ...NEW_DECISION,
      number: 'R-005',
      title: 'The precept for next year',
      keyDecision: true,
      plannedOn: '2099-02-26',
      value: null,
      part: 'part-1',
      publicStub: null,
      part2Advice: null,
      exemption: null,
      priorities: [],
      meetings: [],
      recommendations: [],
      advice: null,
    });
    const anonymous = await app.inject({ method: 'GET', url: paths.forwardPlan() });
    expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/);
    const analyst = new TestClient(app);
    const signedIn = await createTestUser(services, { role: 'force-analyst', body: OFFICE });
    await analyst.post('/sign-in', { email: signedIn.email, password: TEST_PASSWORD });
    expect((await analyst.get(paths.forwardPlan())).statusCode).toBe(403);
    expect((await officer.get(paths.forwardPlan())).body).toContain('The precept for next year');
    const panel = new TestClient(app);
    const { email } = await createTestUser(services, { role: 'panel-member', body: office.panel });
    await panel.post('/sign-in', { email, password: TEST_PASSWORD });
    expect((await panel.get(paths.forwardPlan())).body).toContain('The precept for next year');
    expect((await panel.get('/calendar')).body).toContain('Key decision R-005 planned');
  });

  it('publishes the register as an Atom feed, Part 2 as its stub, linked from the register page', async () => {
    const register = await app.inject({ method: 'GET', url: paths.register() });
    expect(register.body).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Decisions (Atom feed)" href="${paths.feed()}">`,
    );
    const feed = await app.inject({ method: 'GET', url: paths.feed() });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const document = new DOMParser().parseFromString(feed.body, 'text/xml');
    const root = document.documentElement as unknown as Element;
    expect(root.tagName).toBe('feed');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const entries = [...document.getElementsByTagName('entry')] as unknown as Element[];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries)
      for (const required of ['id', 'title', 'updated', 'link'])
        expect(entry.getElementsByTagName(required).length, required).toBeGreaterThan(0);
    const byId = (number: string) =>
      entries.find(
        (entry) =>
          entry.getElementsByTagName('id')[0]?.textContent ===
          `${TEST_URLS.baseUrl}${paths.decision({ body: OFFICE, number })}`,
      );
    expect(byId('R-001')?.getElementsByTagName('title')[0]?.textContent).toBe(
      'Decision R-001: Community safety grants',
    );
    const part2 = byId('R-003');
    expect(part2?.getElementsByTagName('title')[0]?.textContent).toBe('Decision R-003: A property matter');
    expect(part2?.getElementsByTagName('summary')[0]?.textContent).toContain('Exemption: Section 43 FOIA');
  });

  it('changes a draft through its form, refusing a bad one with the field named and saving nothing', async () => {
    const target = { body: OFFICE, number: 'R-010' };
    expect((await officer.post(paths.add(), { ...NEW_DECISION, number: 'R-010' })).statusCode).toBe(303);
    const form = await officer.get(paths.edit(target));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Community safety grants"');
    expect(form.body).toContain('value="PC1, PC2"');
    const { body: _b, number: _n, ...fields } = NEW_DECISION;
    const blank = await officer.post(paths.edit(target), { ...fields, title: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('href="#title"');
    const refused = await officer.post(paths.edit(target), {
      ...fields,
      priorities: 'PC1, NOPE',
      meetings: '999999',
    });
    expect(refused.statusCode).toBe(400);
    for (const field of ['priorities', 'meetings']) expect(refused.body).toContain(`href="#${field}"`);
    expect(refused.body).toContain('NOPE is not a priority of Test plan of routes-office');
    expect((await officer.get(paths.decision(target))).body).toContain('Community safety grants');

    const changed = await officer.post(paths.edit(target), {
      ...fields,
      title: 'Grants for the year, revised',
      meetings: `${office.meetingIds[0]}, /meetings/${office.meetingIds[1]}`,
      recommendations: office.recommendation.reference,
    });
    expect(changed.statusCode).toBe(303);
    await services.decisions.signOffDecision(system, target, {
      decidedOn: '2024-06-03',
      cfoName: 'A',
      cfoSignedOn: '2024-06-03',
      monitoringOfficerName: 'B',
      monitoringOfficerSignedOn: '2024-06-03',
    });
    await services.decisions.publishDecision(system, target);
    const page = await app.inject({ method: 'GET', url: paths.decision(target) });
    expect(page.body).toContain('Grants for the year, revised');
    expect(page.body).toContain(`href="/meetings/${office.meetingIds[0]}">Budget meeting</a>`);
    expect(page.body).toContain(`href="/scrutiny/recommendations/${office.recommendation.id}"`);
    const api = (await app.inject({ method: 'GET', url: paths.apiDecision(target) })).json();
    expect(api.meetings.map((meeting: { id: number }) => meeting.id)).toEqual(office.meetingIds);
    expect(api.recommendations).toEqual([
      expect.objectContaining({
        reference: office.recommendation.reference,
        web: `/scrutiny/recommendations/${office.recommendation.id}`,
      }),
    ]);
    const csv = (await app.inject({ method: 'GET', url: paths.csv() })).body;
    expect(csv).toContain(
      `${office.meetingIds.join(' ')},Test body ${office.panel}: ${office.recommendation.reference}`,
    );

    const signed = await officer.post(paths.edit(target), fields);
    expect(signed.statusCode).toBe(409);
    expect(signed.body).toContain('Decision R-010 is already published, so it can no longer be changed');
    expect((await officer.get(paths.edit(target))).statusCode).toBe(409);
  });

  it('shows the forward plan to the Panel of the office’s force area, not to another Panel', async () => {
    await createTestBody(database.current.db, 'another-panel', 'scrutiny-panel');
    const elsewhere = new TestClient(app);
    const { email } = await createTestUser(services, { role: 'panel-member', body: 'another-panel' });
    await elsewhere.post('/sign-in', { email, password: TEST_PASSWORD });
    const plan = await elsewhere.get(paths.forwardPlan());
    expect(plan.statusCode).toBe(200);
    expect(plan.body).not.toContain('The precept for next year');
    expect((await elsewhere.get(paths.decision({ body: OFFICE, number: 'R-005' }))).statusCode).toBe(404);
  });

  it('puts each decision’s dates in the iCalendar feed: publication due, deferred and planned', async () => {
    await services.decisions.recordDecision(system, {
      ...NEW_DECISION,
      number: 'R-020',
      keyDecision: false,
      plannedOn: null,
      value: null,
      part: 'part-1',
      publicStub: null,
      part2Advice: null,
      exemption: null,
      priorities: [],
      meetings: [],
      recommendations: [],
      advice: null,
    });
    const target = { body: OFFICE, number: 'R-020' };
    await services.decisions.signOffDecision(system, target, {
      decidedOn: '2024-06-03',
      cfoName: 'A',
      cfoSignedOn: '2024-06-03',
      monitoringOfficerName: 'B',
      monitoringOfficerSignedOn: '2024-06-03',
    });
    const lines = (feed: string) => feed.replace(/\r\n /g, '').split('\r\n');
    const eventOf = (feed: string, uid: string) => {
      const all = lines(feed);
      const start = all.indexOf(`UID:${uid}@${uidDomain(TEST_URLS.baseUrl)}`);
      return start === -1 ? [] : all.slice(start, all.indexOf('END:VEVENT', start));
    };
    const { decision } = await services.decisions.readDecision(system, OFFICE, 'R-020');
    // Monday 3 June 2024: due Tuesday 4 June.
    let feed = (await officer.get('/calendar.ics')).body;
    expect(eventOf(feed, `decision-${decision.id}-publication`)).toEqual(
      expect.arrayContaining([
        'DTSTART;VALUE=DATE:20240604',
        'SUMMARY:Publish decision R-020 by 4 June 2024',
      ]),
    );
    await services.decisions.deferPublication(system, target, {
      deferredUntil: '2099-01-10',
      deferralReason: 'The contract is signed first.',
    });
    feed = (await officer.get('/calendar.ics')).body;
    expect(eventOf(feed, `decision-${decision.id}-publication`)).toEqual(
      expect.arrayContaining([
        'DTSTART;VALUE=DATE:20990112',
        'SUMMARY:Publish decision R-020 by 12 January 2099 (publication deferred)',
      ]),
    );
    const planned = (await services.decisions.readDecision(system, OFFICE, 'R-005')).decision;
    const panel = new TestClient(app);
    const { email } = await createTestUser(services, { role: 'panel-member', body: office.panel });
    await panel.post('/sign-in', { email, password: TEST_PASSWORD });
    const panelFeed = (await panel.get('/calendar.ics')).body;
    expect(eventOf(panelFeed, `decision-${planned.id}-planned`)).toEqual(
      expect.arrayContaining(['DTSTART;VALUE=DATE:20990226']),
    );
    expect(eventOf(panelFeed, `decision-${decision.id}-publication`)).toEqual([]);
  });
});
