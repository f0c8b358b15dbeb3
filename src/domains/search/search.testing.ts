/**
 * A small fixture in plain SQL, each record with a distinctive word: one of each kind anyone may see
 * ("visible…"), and beside it each kind the public must never find ("hidden…"): a draft plan version's
 * wording and a superseded version's measure, a paper of an unpublished agenda and an exempt paper, draft
 * minutes and an item heard in private, draft and private recommendations, draft, signed and Part 2 decisions.
 */
export const SEARCH_FIXTURE = `
INSERT INTO force_area (id, slug, name, gss_code) OVERRIDING SYSTEM VALUE
  VALUES (9001, 'search-area', 'Search area', 'E23009001');
INSERT INTO body (id, slug, name, kind, force_area_id) OVERRIDING SYSTEM VALUE VALUES
  (9001, 'search-office', 'Search office', 'policing-body', 9001),
  (9002, 'search-panel', 'Search panel', 'scrutiny-panel', 9001);

INSERT INTO plan (id, slug, body_id, force_area_id, title, author_name, author_office, term_start, term_end)
  OVERRIDING SYSTEM VALUE VALUES
  (9001, 'visible-plan', 9001, 9001, 'Visibleplan policing plan', 'A', 'B', '2024-01-01', '2029-01-01'),
  (9002, 'hidden-plan', 9001, 9001, 'Hiddendraftplan plan', 'A', 'B', '2024-01-01', '2029-01-01');
INSERT INTO plan_version (id, plan_id, number, state, issued_on) OVERRIDING SYSTEM VALUE VALUES
  (9001, 9001, 1, 'issued', '2024-07-30'), (9002, 9001, 2, 'issued', '2025-07-30'),
  (9003, 9001, 3, 'draft', NULL), (9004, 9002, 1, 'draft', NULL);
INSERT INTO plan_pillar (id, version_id, code, position, title) OVERRIDING SYSTEM VALUE VALUES
  (9001, 9001, 'P', 1, 'Pillar'), (9002, 9002, 'P', 1, 'Pillar'), (9003, 9003, 'P', 1, 'Pillar');
INSERT INTO plan_priority (id, version_id, pillar_id, code, position, title) OVERRIDING SYSTEM VALUE VALUES
  (9001, 9001, 9001, 'R1', 1, 'Old priority'), (9002, 9002, 9002, 'R1', 1, 'Cutting burglary'),
  (9003, 9003, 9003, 'R1', 1, 'Hiddendraftpriority');
INSERT INTO plan_measure (version_id, priority_id, code, position, text, direction) VALUES
  (9001, 9001, 'M1', 1, 'Hiddensupersededmeasure', 'decrease'),
  (9002, 9002, 'M1', 1, 'Visiblemeasure of residential burglary', 'decrease'),
  (9003, 9003, 'M1', 1, 'Hiddendraftmeasure', 'decrease');

INSERT INTO meeting (id, body_id, title, starts_at, venue, status) OVERRIDING SYSTEM VALUE VALUES
  (9001, 9002, 'Visiblemeeting of the panel', '2025-10-21 10:00+01', 'Town hall', 'held'),
  (9002, 9002, 'Panel in December', '2025-12-16 10:00+00', 'Town hall', 'held'),
  (9003, 9002, 'Panel in February', '2026-02-03 10:00+00', 'Town hall', 'scheduled');
INSERT INTO agenda_item (id, meeting_id, position, title, exempt_paragraph) OVERRIDING SYSTEM VALUE VALUES
  (9001, 9001, 1, 'Visibleagendaitem report', NULL), (9002, 9001, 2, 'Hiddenexemptitem', 3),
  (9003, 9003, 1, 'Hiddendraftagendaitem', NULL);
INSERT INTO meeting_paper (meeting_id, agenda_item_id, title, file_name, media_type, byte_size, sha256, content, exempt_paragraph)
  VALUES
  (9001, 9001, 'Visiblepaper on burglary', 'a.pdf', 'application/pdf', 1, repeat('a', 64), '\\x00', NULL),
  (9001, 9001, 'Hiddenexemptpaper', 'b.pdf', 'application/pdf', 1, repeat('a', 64), '\\x00', 3),
  (9001, 9002, 'Hiddenexemptitempaper', 'c.pdf', 'application/pdf', 1, repeat('a', 64), '\\x00', NULL),
  (9003, 9003, 'Hiddendraftagendapaper', 'd.pdf', 'application/pdf', 1, repeat('a', 64), '\\x00', NULL);
INSERT INTO minutes (meeting_id, body_id, approved_at_meeting_id, approved_at) VALUES
  (9001, 9002, 9002, '2025-12-16 12:00+00'), (9002, 9002, NULL, NULL);
INSERT INTO minute_item (meeting_id, body_id, number, title, text, exempt_paragraph) VALUES
  (9001, 9002, 1, 'Burglary', 'Visibleminute the panel questioned burglary', NULL),
  (9001, 9002, 2, 'Private', 'Hiddenprivateminute', 3),
  (9002, 9002, 3, 'Draft', 'Hiddendraftminute', NULL);

INSERT INTO recommendation (body_id, reference, origin, origin_title, text, addressee, visibility, response, responded_on, response_text)
  VALUES
  (9002, 'R1', 'other', 'Review', 'Visiblerecommendation on burglary', 'The Commissioner', 'public', 'accepted', '2025-11-01', 'Visibleresponse agreed'),
  (9002, 'R2', 'other', 'Review', 'Hiddendraftrecommendation', 'The Commissioner', 'draft', NULL, NULL, NULL),
  (9002, 'R3', 'other', 'Review', 'Hiddenprivaterecommendation', 'The Commissioner', 'private', NULL, NULL, NULL);

INSERT INTO decision (body_id, number, title, summary, maker, part, public_stub, exemption, status, decided_on,
    cfo_name, cfo_signed_on, monitoring_officer_name, monitoring_officer_signed_on, publication_due_on, published_at)
  VALUES
  (9001, 'D1', 'Visibledecision on burglary', 'Visiblesummary funding', 'pcc', 'part-1', NULL, NULL, 'published',
    '2025-09-01', 'C', '2025-09-01', 'M', '2025-09-01', '2025-09-02', '2025-09-02 10:00+01'),
  (9001, 'D2', 'Hiddenparttwotitle', 'Hiddenparttwosummary', 'pcc', 'part-2', 'Visiblestub contract award',
    'Commercial interests', 'published', '2025-09-01', 'C', '2025-09-01', 'M', '2025-09-01', '2025-09-02',
    '2025-09-02 10:00+01'),
  (9001, 'D3', 'Hiddensigneddecision', 'Summary', 'pcc', 'part-1', NULL, NULL, 'signed',
    '2025-09-01', 'C', '2025-09-01', 'M', '2025-09-01', '2025-09-02', NULL),
  (9001, 'D4', 'Hiddendraftdecision', 'Summary', 'pcc', 'part-1', NULL, NULL, 'draft',
    NULL, NULL, NULL, NULL, NULL, NULL, NULL);
`;

/** Every hidden word of the fixture, by the kind of record it would be found as. */
export const HIDDEN_WORDS: Record<string, string[]> = {
  plan: ['Hiddendraftplan', 'Hiddendraftpriority'],
  measure: ['Hiddensupersededmeasure', 'Hiddendraftmeasure'],
  meeting: ['Hiddenexemptitem', 'Hiddendraftagendaitem'],
  paper: ['Hiddenexemptpaper', 'Hiddenexemptitempaper', 'Hiddendraftagendapaper'],
  minute: ['Hiddenprivateminute', 'Hiddendraftminute'],
  recommendation: ['Hiddendraftrecommendation', 'Hiddenprivaterecommendation'],
  decision: ['Hiddenparttwotitle', 'Hiddenparttwosummary', 'Hiddensigneddecision', 'Hiddendraftdecision'],
};

/** A word of each kind's visible record, and the page it is found on. */
export const VISIBLE_WORDS: Record<string, { word: string; url: string }> = {
  plan: { word: 'Visibleplan', url: '/plans/visible-plan' },
  measure: { word: 'Visiblemeasure', url: '/plans/visible-plan/priorities/R1' },
  meeting: { word: 'Visibleagendaitem', url: '/meetings/9001' },
  paper: { word: 'Visiblepaper', url: '/meetings/9001/papers/' },
  minute: { word: 'Visibleminute', url: '/meetings/9001/minutes#minute-1' },
  recommendation: { word: 'Visibleresponse', url: '/scrutiny/recommendations/' },
  decision: { word: 'Visiblestub', url: '/decisions/search-office/D2' },
};
