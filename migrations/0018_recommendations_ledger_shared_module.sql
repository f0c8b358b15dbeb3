-- The recommendations ledger becomes a shared module (issue 11 item 3): the recommendations domain owns
-- recommendation, recommendation_action and recommendation_progress and knows nothing of where a
-- recommendation came from beyond what the origin tells it as data: a kind, a title and a link, and who may
-- see it. What only scrutiny knows (the group, meeting, minute and decision, and the function served) moves
-- to scrutiny_recommendation_source, with the constraints it had on the ledger's table.

-- Scrutiny's part of each recommendation, moved across first, so the ledger's columns can go.
CREATE TABLE scrutiny_recommendation_source (
  recommendation_id integer PRIMARY KEY,
  body_id integer NOT NULL,
  origin text NOT NULL
    CHECK (origin IN ('panel', 'sub-committee', 'task-and-finish-group', 'inspection', 'audit', 'other')),
  group_id integer,
  -- The body's meeting that made the recommendation or received the report carrying it.
  meeting_id integer,
  minute_item_id integer REFERENCES minute_item (id),
  minute_decision_position integer,
  function text CHECK (scrutiny_function_is_known(function)),
  FOREIGN KEY (group_id, body_id) REFERENCES scrutiny_group (id, body_id),
  FOREIGN KEY (meeting_id, body_id) REFERENCES meeting (id, body_id),
  CHECK ((origin IN ('sub-committee', 'task-and-finish-group')) = (group_id IS NOT NULL)),
  CHECK (origin <> 'panel' OR meeting_id IS NOT NULL)
);

INSERT INTO scrutiny_recommendation_source
  (recommendation_id, body_id, origin, group_id, meeting_id, minute_item_id, minute_decision_position, function)
SELECT id, body_id, origin, group_id, meeting_id, minute_item_id, minute_decision_position, function
  FROM recommendation;

-- Who may see a recommendation, as data the origin keeps current: 'private' (heard in private: the body's
-- members and officer only), 'draft' (from minutes not yet approved: those who read drafts, until approval)
-- or 'public'. Worked out here once from the minutes, as the ledger's reads used to.
ALTER TABLE recommendation ADD COLUMN visibility text NOT NULL DEFAULT 'public'
  CHECK (visibility IN ('public', 'draft', 'private'));

UPDATE recommendation r
   SET visibility = CASE
         WHEN mi.exempt_paragraph IS NOT NULL THEN 'private'
         WHEN mn.approved_at_meeting_id IS NULL THEN 'draft'
         ELSE 'public'
       END
  FROM minute_item mi
  LEFT JOIN minutes mn ON mn.meeting_id = mi.meeting_id
 WHERE mi.id = r.minute_item_id;

-- The origin as data: the report's title (an inspection, an audit) and a link to it (a group's page).
ALTER TABLE recommendation RENAME COLUMN source_title TO origin_title;
ALTER TABLE recommendation ADD COLUMN origin_url text CHECK (length(btrim(origin_url)) > 0);
UPDATE recommendation SET origin_url = '/scrutiny/committees/' || group_id WHERE group_id IS NOT NULL;

ALTER TABLE recommendation DROP CONSTRAINT recommendation_minute_decision_fkey;
ALTER TABLE recommendation DROP CONSTRAINT recommendation_minute_decision_entered_once;
ALTER TABLE recommendation DROP CONSTRAINT recommendation_decision_needs_its_minute;
ALTER TABLE recommendation DROP CONSTRAINT special_functions_stay_with_the_full_panel;
ALTER TABLE recommendation DROP COLUMN minute_decision_position;
ALTER TABLE recommendation DROP COLUMN minute_item_id;
ALTER TABLE recommendation DROP COLUMN meeting_id;
ALTER TABLE recommendation DROP COLUMN group_id;
ALTER TABLE recommendation DROP COLUMN function;

-- A source names its recommendation with the same body and origin, so the group's constraints above speak of
-- the ledger's own row. Deferred: a records file may change a recommendation's origin and its source in one
-- transaction, one statement after the other.
ALTER TABLE recommendation ADD CONSTRAINT recommendation_id_body_origin_key UNIQUE (id, body_id, origin);
ALTER TABLE scrutiny_recommendation_source
  ADD CONSTRAINT scrutiny_recommendation_source_recommendation_fkey
    FOREIGN KEY (recommendation_id, body_id, origin) REFERENCES recommendation (id, body_id, origin)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

-- The constraints the ledger's table had, with their names, on scrutiny's table.
ALTER TABLE scrutiny_recommendation_source
  ADD CONSTRAINT special_functions_stay_with_the_full_panel
    CHECK (group_id IS NULL OR function IS NULL OR NOT scrutiny_function_is_reserved(function));
ALTER TABLE scrutiny_recommendation_source
  ADD CONSTRAINT recommendation_decision_needs_its_minute
    CHECK (minute_decision_position IS NULL OR minute_item_id IS NOT NULL);
ALTER TABLE scrutiny_recommendation_source
  ADD CONSTRAINT recommendation_minute_decision_entered_once UNIQUE (minute_item_id, minute_decision_position);
-- Deferred: a records file sets a minute item's decisions afresh (delete, then insert) inside its
-- transaction; the decision must exist again by the time that transaction commits.
ALTER TABLE scrutiny_recommendation_source
  ADD CONSTRAINT recommendation_minute_decision_fkey
    FOREIGN KEY (minute_item_id, minute_decision_position) REFERENCES minute_decision (minute_item_id, position)
    DEFERRABLE INITIALLY DEFERRED;

-- What the ledger publishes for its origins to read: each recommendation's reference, wording, where it
-- stands and who may see it.
CREATE VIEW recommendations_published_recommendation AS
  SELECT id, body_id, reference, origin, text, response, outcome, visibility FROM recommendation;
