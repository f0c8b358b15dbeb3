-- The quarterly performance pack (issue 14 item 4): what a Commissioner's office puts before its public
-- accountability meeting, drawn from the plan's measures, decisions, recommendations and (later) delivery
-- actions for one quarter of the financial year. A draft is drawn from live data each time it is read; issuing
-- freezes it: `content` keeps the pack as it was drawn, so later data never changes it. A new edition for the
-- same quarter is a new row.
CREATE TABLE performance_pack (
  id serial PRIMARY KEY,
  body_id integer NOT NULL REFERENCES body (id),
  plan_slug text NOT NULL CHECK (plan_slug ~ '^[a-z0-9-]+$'),
  plan_version integer NOT NULL CHECK (plan_version > 0),
  -- The financial year by the calendar year it starts in (2025 is 2025/26), and its quarter (1 is April-June).
  financial_year integer NOT NULL CHECK (financial_year BETWEEN 2000 AND 2100),
  quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  edition integer NOT NULL DEFAULT 1 CHECK (edition > 0),
  -- The accountability meeting the pack is a paper for, if any.
  meeting_id integer REFERENCES meeting (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  content jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  issued_at timestamptz,
  UNIQUE (body_id, plan_slug, plan_version, financial_year, quarter, edition),
  CONSTRAINT performance_pack_issued_frozen
    CHECK ((status = 'issued') = (content IS NOT NULL AND issued_at IS NOT NULL))
);
CREATE INDEX performance_pack_meeting_idx ON performance_pack (meeting_id);

-- An issued pack never changes: a correction is a new edition.
CREATE FUNCTION performance_pack_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'performance pack % is issued and cannot change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER performance_pack_keep_issued BEFORE UPDATE ON performance_pack
  FOR EACH ROW EXECUTE FUNCTION performance_pack_keep_issued();

-- What other domains may read: issued packs and the meeting each is for (the meeting page links them).
CREATE VIEW packs_published_pack AS
  SELECT id, body_id, meeting_id, financial_year, quarter, edition, issued_at
    FROM performance_pack WHERE status = 'issued';
