-- The plan measures a recommendation is about, by plan slug and measure code as indicators name theirs
-- (0007): codes are stable across a plan's versions, so a link survives a variation. Whoever loads a link
-- checks that the code is a measure of one of the plan's versions; the plan's own tables keep no reference
-- back, so a plan can be revised without touching the ledger.
CREATE TABLE recommendation_measure (
  recommendation_id integer NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  plan_slug text NOT NULL CHECK (plan_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  measure_code text NOT NULL CHECK (length(btrim(measure_code)) > 0),
  position integer NOT NULL CHECK (position > 0),
  PRIMARY KEY (recommendation_id, plan_slug, measure_code),
  UNIQUE (recommendation_id, position)
);

CREATE INDEX recommendation_measure_measure_idx ON recommendation_measure (plan_slug, measure_code);
