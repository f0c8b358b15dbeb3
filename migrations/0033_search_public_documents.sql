-- Public search (issue 18 item 3). Each owner publishes the documents anyone may find, one view per owner,
-- named <owner>_published_search_document (decision record 0004): the owner's public read rule is written
-- here once, in SQL, so the search never sees a draft, a private or a Part 2 record and needs no rule of its
-- own. Every view has the same columns: kind, ref (what the owner's URL is built from), title, body (text
-- to match and to quote; may be null), dated (what the result is dated by) and force_area_id.

-- Plans: a plan once a version of it is issued, and the measures of its latest issued version (a draft's
-- wording and a superseded version's measures are not found).
CREATE VIEW plans_published_search_document AS
  WITH latest AS (
    SELECT DISTINCT ON (plan_id) id, plan_id, issued_on
      FROM plan_version WHERE state = 'issued'
     ORDER BY plan_id, number DESC
  )
  SELECT 'plan'::text AS kind, p.slug AS ref, p.title,
         concat_ws(' ', p.summary, (SELECT string_agg(r.title, ' ' ORDER BY r.position)
                                      FROM plan_priority r WHERE r.version_id = l.id)) AS body,
         l.issued_on AS dated, p.force_area_id
    FROM plan p JOIN latest l ON l.plan_id = p.id
  UNION ALL
  SELECT 'measure', p.slug || '/' || r.code, m.text, r.title, l.issued_on, p.force_area_id
    FROM plan_measure m
    JOIN latest l ON l.id = m.version_id
    JOIN plan p ON p.id = l.plan_id
    JOIN plan_priority r ON r.id = m.priority_id;

-- Scrutiny: every meeting (all are public, cancelled ones too) with the items of a published agenda; the
-- papers of a published agenda that are not exempt, by their own paragraph or their item's; the items of
-- approved minutes that were not heard in private.
CREATE VIEW scrutiny_published_search_document AS
  SELECT 'meeting'::text AS kind, m.id::text AS ref, m.title,
         concat_ws(' ', m.venue, (SELECT string_agg(a.title, ' ' ORDER BY a.position)
                                    FROM agenda_item a
                                   WHERE a.meeting_id = m.id AND m.status <> 'scheduled'
                                     AND a.exempt_paragraph IS NULL)) AS body,
         m.starts_at::date AS dated, b.force_area_id
    FROM meeting m JOIN body b ON b.id = m.body_id
  UNION ALL
  SELECT 'paper', m.id || '/' || p.id, p.title, m.title, m.starts_at::date, b.force_area_id
    FROM meeting_paper p
    JOIN meeting m ON m.id = p.meeting_id
    JOIN body b ON b.id = m.body_id
    LEFT JOIN agenda_item a ON a.id = p.agenda_item_id
   WHERE m.status <> 'scheduled' AND p.exempt_paragraph IS NULL AND a.exempt_paragraph IS NULL
  UNION ALL
  SELECT 'minute', i.meeting_id || '/' || i.number, i.number || ' ' || i.title, i.text, m.starts_at::date,
         b.force_area_id
    FROM minute_item i
    JOIN minutes n ON n.meeting_id = i.meeting_id
    JOIN meeting m ON m.id = i.meeting_id
    JOIN body b ON b.id = m.body_id
   WHERE n.approved_at IS NOT NULL AND i.exempt_paragraph IS NULL;

-- The recommendations ledger: public recommendations of every origin, with their responses.
CREATE VIEW recommendations_published_search_document AS
  SELECT 'recommendation'::text AS kind, r.id::text AS ref,
         concat_ws(': ', r.reference, coalesce(r.topic, r.origin_title)) AS title,
         concat_ws(' ', r.text, r.response_text) AS body, coalesce(r.responded_on, r.made_on) AS dated,
         b.force_area_id
    FROM recommendation r JOIN body b ON b.id = r.body_id
   WHERE r.visibility = 'public';

-- The decision register: published decisions; a Part 2 decision is found only by its public description.
CREATE VIEW decisions_published_search_document AS
  SELECT 'decision'::text AS kind, b.slug || '/' || d.number AS ref,
         CASE WHEN d.part = 'part-2' THEN d.public_stub ELSE d.title END AS title,
         CASE WHEN d.part = 'part-2' THEN NULL ELSE d.summary END AS body,
         d.decided_on AS dated, b.force_area_id
    FROM decision d JOIN body b ON b.id = d.body_id
   WHERE d.status = 'published';
