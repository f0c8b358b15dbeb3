import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../../../kernel/calendar/index.ts';
import { expectNeverPublic } from '../../../kernel/testing/confidentiality.ts';
import { expectPage, expectRefused } from '../../../kernel/testing/expect-page.ts';
import { useTestApp } from '../../../kernel/testing/test-app.ts';
import type { TestClient } from '../../../kernel/testing/test-client.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { signInAs } from '../../accounts/accounts.testing.ts';
import { loadDemoPanel, meetingIds, testPanelText } from '../scrutiny-records.testing.ts';
import { PAPER_MAX_BYTES } from './papers.file-types.ts';
import { SAMPLE_FILES } from './papers.testing.ts';

const system = systemActor('test');
const EXEMPT_MARKER = 'Exempt staffing report 5d1f';
const EXEMPT_APPENDIX = 'Exempt appendix 8c2e';

/** Uploads a paper to a meeting, its fields in the query, as the browser's upload script does. */
const upload = (client: TestClient, meetingId: number, query: Record<string, string>, body: Buffer) =>
  client.upload(`/meetings/${meetingId}/papers?${new URLSearchParams(query)}`, body);

describe.each(testEngines())('scrutiny papers on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;
  let officer: TestClient;
  let member: TestClient;
  let ids: {
    december: number;
    coming: number;
    draftPlanItem: number;
    exemptItem: number;
    publicItem: number;
  };

  const paperCount = async () =>
    (await database.current.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting_paper'))[0]?.n ??
    0;

  beforeAll(async () => {
    await loadDemoPanel(
      fixture,
      testPanelText(
        'thames-valley-panel',
        `
meetings:
  - title: Coming meeting
    date: ${addDays(londonDateOf(new Date()), 30)}
    time: '11:00'
    venue: Council Offices
    status: agenda-published
    agenda:
      - { position: 1, title: Apologies for Absence }
      - { position: 2, title: Budget }
      - { position: 3, title: Staffing matter, exemptParagraph: 1 }
`,
      ),
    );
    const { december, coming } = await meetingIds(fixture.services, {
      december: '16 December 2016',
      coming: 'Coming meeting',
    });
    const decemberItems = (await fixture.services.scrutiny.readMeeting(system, december)).items;
    const comingItems = (await fixture.services.scrutiny.readMeeting(system, coming)).items;
    ids = {
      december,
      coming,
      draftPlanItem: decemberItems.find((item) => item.position === 5)?.id ?? 0,
      publicItem: comingItems.find((item) => item.position === 2)?.id ?? 0,
      exemptItem: comingItems.find((item) => item.position === 3)?.id ?? 0,
    };
    officer = await signInAs(fixture, { role: 'scrutiny-officer', body: 'thames-valley-panel' });
    member = await signInAs(fixture, { role: 'panel-member', body: 'thames-valley-panel' });
  });

  it('takes a paper from the scrutiny officer, lists it under its item and serves it as a safe download', async () => {
    const page = await officer.get(`/meetings/${ids.december}/papers/new?agendaItem=${ids.draftPlanItem}`);
    expectPage(page, 200, 'type="file"', `<option value="${ids.draftPlanItem}" selected>`);

    const response = await upload(
      officer,
      ids.december,
      {
        name: 'Draft plan 2017-21.pdf',
        title: 'Draft Police and Crime Plan 2017-2021',
        agendaItem: String(ids.draftPlanItem),
      },
      SAMPLE_FILES.pdf,
    );
    expect(response.statusCode).toBe(201);
    const { paperId, page: next } = response.json();
    expect(next).toBe(`/meetings/${ids.december}#papers`);

    const meetingPage = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}` });
    expect(meetingPage.body).toContain('Item 5: Draft Police and Crime Plan');
    expect(meetingPage.body).toContain(
      `href="/meetings/${ids.december}/papers/${paperId}" download="Draft-plan-2017-21.pdf">Draft Police and Crime Plan 2017-2021 (PDF, ${SAMPLE_FILES.pdf.length} bytes)</a>`,
    );

    const download = await fixture.app.inject({
      method: 'GET',
      url: `/meetings/${ids.december}/papers/${paperId}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="Draft-plan-2017-21.pdf"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);

    const [audit] = await database.current.sql.query<{ after: string }>(
      "SELECT after::text AS after FROM audit_event WHERE record_type = 'meeting_paper' AND record_id = $1",
      [String(paperId)],
    );
    const audited = JSON.parse(audit?.after ?? '{}');
    expect(audited).toMatchObject({
      fileName: 'Draft-plan-2017-21.pdf',
      mediaType: 'application/pdf',
      sha256: createHash('sha256').update(SAMPLE_FILES.pdf).digest('hex'),
    });
    expect(audited).not.toHaveProperty('content');
  });

  it('serves a CSV as text/csv, and a paper on the meeting as a whole, in the API as OParl files', async () => {
    const response = await upload(officer, ids.december, { name: 'crime figures.csv' }, SAMPLE_FILES.csv);
    expect(response.statusCode).toBe(201);
    const { paperId } = response.json();
    const download = await fixture.app.inject({
      method: 'GET',
      url: `/meetings/${ids.december}/papers/${paperId}`,
    });
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toBe('attachment; filename="crime-figures.csv"');

    const meeting = (
      await fixture.app.inject({ method: 'GET', url: `/api/v1/meetings/${ids.december}` })
    ).json();
    expect(meeting.auxiliaryFile).toEqual([
      expect.objectContaining({
        id: paperId,
        type: 'File',
        name: 'crime figures',
        fileName: 'crime-figures.csv',
        mimeType: 'text/csv',
        size: SAMPLE_FILES.csv.length,
        downloadUrl: `/meetings/${ids.december}/papers/${paperId}`,
        exemptReason: null,
      }),
    ]);
    expect(meeting.agendaItem[4].auxiliaryFile).toEqual([
      expect.objectContaining({
        type: 'File',
        mimeType: 'application/pdf',
        name: 'Draft Police and Crime Plan 2017-2021',
      }),
    ]);
  });

  it('takes a paper from a plain HTML form without JavaScript: 303 when saved, 400 with the error summary if not', async () => {
    const form = await officer.get(`/meetings/${ids.december}/papers/new`);
    expect(form.body).toMatch(
      /<form method="post" action="\/meetings\/\d+\/papers" enctype="multipart\/form-data"/,
    );
    expect(form.body).not.toContain('needs JavaScript');
    const csrf = await officer.csrfToken();
    const postForm = async (file: Buffer, fileName: string, title: string) => {
      const body = new FormData();
      body.append('_csrf', csrf);
      body.append('file', new Blob([new Uint8Array(file)]), fileName);
      body.append('title', title);
      body.append('agendaItem', String(ids.draftPlanItem));
      body.append('exemptParagraph', '');
      // The platform's own serialiser writes the multipart body, as a browser would.
      const request = new Request('http://localhost/', { method: 'POST', body });
      return fixture.app.inject({
        method: 'POST',
        url: `/meetings/${ids.december}/papers`,
        payload: Buffer.from(await request.arrayBuffer()),
        headers: {
          'content-type': request.headers.get('content-type') ?? '',
          cookie: ['peelian_session', 'peelian_csrf']
            .map((name) => `${name}=${officer.cookie(name) ?? ''}`)
            .join('; '),
        },
      });
    };
    const saved = await postForm(SAMPLE_FILES.pdf, 'No-script plan.pdf', 'Plan sent without JavaScript');
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/meetings/${ids.december}#papers`);
    expect((await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}` })).body).toContain(
      'Plan sent without JavaScript',
    );
    const refused = await postForm(Buffer.from('MZ not a paper'), 'tool.pdf', 'Not a paper');
    expectRefused(refused, 'govuk-error-summary', 'href="#upload-file"', '<title>Error: ');
    expect(
      (await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}` })).body,
    ).not.toContain('Not a paper');
  });

  it('refuses a file whose content is not an allowed kind, whatever its name, naming the field and saving nothing', async () => {
    const before = await paperCount();
    for (const [name, bytes, words] of [
      ['setup.pdf', SAMPLE_FILES.exe, 'The selected file must be a PDF, DOCX, XLSX, ODT or CSV file'],
      ['page.html', SAMPLE_FILES.html, 'The selected file must be a PDF, DOCX, XLSX, ODT or CSV file'],
      ['report.pdf', SAMPLE_FILES.docx, 'its content is a Word document (DOCX)'],
      ['report.docx', SAMPLE_FILES.docm, 'it contains macros'],
    ] as const) {
      const response = await upload(officer, ids.december, { name }, bytes);
      expect(response.statusCode, name).toBe(400);
      const [error] = response.json().fields;
      expect(error.field, name).toBe('file');
      expect(error.message, name).toContain(words);
    }
    expect(await paperCount()).toBe(before);
  });

  it('refuses a file over the size limit, and bad fields, naming each and saving nothing', async () => {
    const before = await paperCount();
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(PAPER_MAX_BYTES)]);
    const tooBig = await upload(officer, ids.december, { name: 'big.pdf' }, big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().fields).toEqual([
      { field: 'file', message: 'The selected file must be smaller than 20 MB' },
    ]);
    const empty = await upload(officer, ids.december, { name: 'empty.pdf' }, Buffer.alloc(0));
    expect(empty.json().fields).toEqual([{ field: 'file', message: 'The selected file is empty' }]);
    const otherMeetingsItem = await upload(
      officer,
      ids.coming,
      { name: 'plan.pdf', agendaItem: String(ids.draftPlanItem) },
      SAMPLE_FILES.pdf,
    );
    expect(otherMeetingsItem.json().fields).toEqual([
      { field: 'agendaItem', message: 'Select an agenda item of this meeting, or the meeting as a whole' },
    ]);
    const longTitle = await upload(
      officer,
      ids.december,
      { name: 'a.pdf', title: 'x'.repeat(301) },
      SAMPLE_FILES.pdf,
    );
    expect(longTitle.json().fields).toEqual([
      { field: 'title', message: 'Title must be 300 characters or fewer' },
    ]);
    const noName = await upload(officer, ids.december, {}, SAMPLE_FILES.pdf);
    expect(noName.json().fields).toEqual([{ field: 'name', message: 'Choose a file' }]);
    expect(await paperCount()).toBe(before);
  });

  it('never shows an exempt paper to the public, but serves it to the panel’s members', async () => {
    const onExemptItem = await upload(
      officer,
      ids.coming,
      { name: 'staffing.pdf', title: EXEMPT_MARKER, agendaItem: String(ids.exemptItem) },
      SAMPLE_FILES.pdf,
    );
    const exemptAppendix = await upload(
      officer,
      ids.coming,
      {
        name: 'appendix.pdf',
        title: EXEMPT_APPENDIX,
        agendaItem: String(ids.publicItem),
        exemptParagraph: '3',
      },
      SAMPLE_FILES.pdf,
    );
    expect([onExemptItem.statusCode, exemptAppendix.statusCode]).toEqual([201, 201]);
    const urls = [onExemptItem, exemptAppendix].map(
      (response) => `/meetings/${ids.coming}/papers/${response.json().paperId}`,
    );
    const pages = [
      `/meetings/${ids.coming}`,
      `/meetings/${ids.coming}/pack`,
      `/api/v1/meetings/${ids.coming}`,
    ];
    for (const marker of [EXEMPT_MARKER, EXEMPT_APPENDIX])
      await expectNeverPublic(fixture.app, marker, [...pages, ...urls]);
    for (const url of urls) expect((await fixture.app.inject({ method: 'GET', url })).statusCode).toBe(404);

    const download = await member.get(urls[0] ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('private, no-store');
    const memberPage = await member.get(`/meetings/${ids.coming}`);
    expect(memberPage.body).toContain(EXEMPT_MARKER);
    expect(memberPage.body).toContain(EXEMPT_APPENDIX);
    expect(memberPage.body).toContain('Schedule 12A, paragraph 3');
    const api = (await member.get(`/api/v1/meetings/${ids.coming}`)).json();
    expect(api.agendaItem[2].auxiliaryFile[0]).toMatchObject({
      name: EXEMPT_MARKER,
      exemptReason: expect.any(String),
    });
  });

  it('prints an agenda pack: each item with its papers, exempt items marked', async () => {
    const pack = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.coming}/pack` });
    expectPage(pack, 200, 'Agenda: Coming meeting', '3. Staffing matter', 'Schedule 12A, paragraph 1');
    expect(pack.body).not.toContain('<form method="post" action="/meetings');
    const december = await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}/pack` });
    expect(december.body).toContain(
      `Draft Police and Crime Plan 2017-2021 (PDF, ${SAMPLE_FILES.pdf.length} bytes)`,
    );
    expect(december.body).toContain('Councillor Trevor Egleton (South Bucks District Council), Chair');
    expect((await fixture.app.inject({ method: 'GET', url: '/meetings/999999/pack' })).statusCode).toBe(404);
  });

  it('lets only the scrutiny officer add or remove papers, and audits a removal', async () => {
    expect((await member.get(`/meetings/${ids.december}/papers/new`)).statusCode).toBe(403);
    const refused = await upload(member, ids.december, { name: 'plan.pdf' }, SAMPLE_FILES.pdf);
    expect(refused.statusCode).toBe(403);
    const { paperId } = (await upload(officer, ids.december, { name: 'spare.pdf' }, SAMPLE_FILES.pdf)).json();
    const before = await paperCount();
    expect((await member.post(`/meetings/${ids.december}/papers/${paperId}/delete`)).statusCode).toBe(403);
    const removed = await officer.post(`/meetings/${ids.december}/papers/${paperId}/delete`);
    expect(removed.statusCode).toBe(303);
    expect(await paperCount()).toBe(before - 1);
    expect(
      (await fixture.app.inject({ method: 'GET', url: `/meetings/${ids.december}/papers/${paperId}` }))
        .statusCode,
    ).toBe(404);
    const [audit] = await database.current.sql.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE record_type = 'meeting_paper' AND record_id = $1 ORDER BY id DESC LIMIT 1",
      [String(paperId)],
    );
    expect(audit?.action).toBe('delete');
  });
});
