-- The decision register, continued (issue 14 item 1): the meetings and recommendations a decision concerns,
-- and the views it reads them and the plan's priorities through (decision record 0004).

-- Plans: each version's priorities on their own (plans_published_measure shows a priority only when it has a
-- measure, and a plan may name a priority without one), so a decision's priority codes can be checked.
CREATE VIEW plans_published_priority AS
  SELECT id, version_id, code, title, position FROM plan_priority;

-- Scrutiny: the meetings of every body that meets in public (all of them are public), for other domains to
-- name and link to.
CREATE VIEW scrutiny_published_meeting AS
  SELECT id, body_id, title, starts_at, status FROM meeting;

-- The meetings (of the Panel, the Commissioner's own accountability meetings, an audit committee) a decision
-- concerns: where it was discussed, reported or asked for.
CREATE TABLE decision_meeting (
  decision_id integer NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  meeting_id integer NOT NULL REFERENCES meeting (id),
  PRIMARY KEY (decision_id, meeting_id)
);
CREATE INDEX decision_meeting_meeting_idx ON decision_meeting (meeting_id);

-- The recommendations in the shared ledger (the Panel's, an inspectorate's, an auditor's) a decision answers
-- or carries out.
CREATE TABLE decision_recommendation (
  decision_id integer NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  recommendation_id integer NOT NULL REFERENCES recommendation (id),
  PRIMARY KEY (decision_id, recommendation_id)
);
CREATE INDEX decision_recommendation_recommendation_idx ON decision_recommendation (recommendation_id);
