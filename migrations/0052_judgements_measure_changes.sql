-- When a measure's judgement moved (issue 18 items 0, 4 and 5): judgements are computed on every request, so
-- a change is only seen when the figures are rebuilt. Each rebuild compares every measure of the plan in
-- force with the last reading recorded here and adds a row when the headline judgement differs. The first
-- reading of a measure is recorded with no previous judgement: a starting point, not a move.
CREATE TABLE measure_judgement_change (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  force_area_id integer NOT NULL REFERENCES force_area (id),
  plan_slug text NOT NULL,
  measure_code text NOT NULL,
  -- The measure's wording when the change was seen, so the record reads the same after a later variation.
  measure_text text NOT NULL,
  previous_judgement text,
  previous_provisional boolean,
  judgement text NOT NULL,
  provisional boolean NOT NULL,
  -- The latest month of data the new judgement rests on (null while a measure awaits data).
  through_month date CHECK (extract(day FROM through_month) = 1),
  -- The move in the scorecard's words ("Measure 2.1 is now improving (was no significant change)"), for lists.
  summary text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((previous_judgement IS NULL) = (previous_provisional IS NULL))
);

CREATE INDEX measure_judgement_change_measure_idx ON measure_judgement_change (plan_slug, measure_code, id DESC);

-- What the public search and the "lately" lists may find: the moves (not the starting points) of measures of
-- issued plans.
CREATE VIEW judgements_published_search_document AS
  SELECT 'judgement-change'::text AS kind,
         c.measure_code AS ref,
         c.summary AS title,
         c.measure_text AS body,
         (c.recorded_at AT TIME ZONE 'Europe/London')::date AS dated,
         c.force_area_id
    FROM measure_judgement_change c
   WHERE c.previous_judgement IS NOT NULL
     AND EXISTS (SELECT 1 FROM plans_published_plan p
                   JOIN plans_published_version v ON v.plan_id = p.id
                  WHERE p.slug = c.plan_slug AND v.state = 'issued');
