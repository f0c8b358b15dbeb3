-- Published read models (decision record 0004). A domain's queries read only its own tables and the views
-- other domains publish here; each view is named <owner>_published_<what> and belongs to its owner, which
-- may change its tables freely as long as the view keeps its columns.

-- Areas: force areas and the local authorities inside them.
CREATE VIEW areas_published_force_area AS
  SELECT id, slug, name, gss_code FROM force_area;

CREATE VIEW areas_published_local_authority AS
  SELECT id, gss_code, name, tier, force_area_id, county_id FROM local_authority;

-- Accounts: the bodies roles, plans and scrutiny records belong to.
CREATE VIEW accounts_published_body AS
  SELECT id, slug, name, kind, force_area_id FROM body;

-- Plans: plans, their versions (drafts included, with their state: a reader decides what it shows) and each
-- version's measures with the priority and pillar they sit under.
CREATE VIEW plans_published_plan AS
  SELECT id, slug, title, force_area_id, term_start, term_end FROM plan;

CREATE VIEW plans_published_version AS
  SELECT id, plan_id, number, state, issued_on FROM plan_version;

CREATE VIEW plans_published_measure AS
  SELECT m.id, m.version_id, m.code, m.position, m.text, m.direction,
         r.code AS priority_code, r.title AS priority_title, r.position AS priority_position,
         s.code AS pillar_code, s.title AS pillar_title, s.position AS pillar_position
    FROM plan_measure m
    JOIN plan_priority r ON r.id = m.priority_id
    JOIN plan_pillar s ON s.id = r.pillar_id;

-- Performance: the months of street-level data each force has, and the monthly crime and anti-social
-- behaviour roll-ups with each LSOA's local authority (null where the lookup does not know the LSOA).
CREATE VIEW performance_published_street_month AS
  SELECT force_area_id, month FROM police_uk_unit WHERE kind = 'street';

CREATE VIEW performance_published_crime_count AS
  SELECT r.force_area_id, r.month, r.crime_type, r.last_outcome_category, l.local_authority_code,
         r.crimes AS count
    FROM police_uk_crime_monthly r
    LEFT JOIN lsoa_local_authority l ON l.lsoa_code = r.lsoa_code;

CREATE VIEW performance_published_asb_count AS
  SELECT r.force_area_id, r.month, r.crime_type, r.last_outcome_category, l.local_authority_code,
         r.incidents AS count
    FROM police_uk_asb_monthly r
    LEFT JOIN lsoa_local_authority l ON l.lsoa_code = r.lsoa_code;

-- Change signals. A producer moves its own counter on with statement triggers on its own tables, inside the
-- writer's transaction, and publishes it as a view; a reader that keeps copies (the scorecard) reads the
-- counters before the data. These replace the triggers migration 0011 put on plans' and areas' tables.
CREATE TABLE plans_change (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO plans_change (only_row, version) VALUES (true, 0);

CREATE FUNCTION plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plans_change SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER plan_changes_plans AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION plans_changed();
CREATE TRIGGER plan_version_changes_plans AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_version
  FOR EACH STATEMENT EXECUTE FUNCTION plans_changed();
CREATE TRIGGER plan_pillar_changes_plans AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_pillar
  FOR EACH STATEMENT EXECUTE FUNCTION plans_changed();
CREATE TRIGGER plan_priority_changes_plans AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_priority
  FOR EACH STATEMENT EXECUTE FUNCTION plans_changed();
CREATE TRIGGER plan_measure_changes_plans AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_measure
  FOR EACH STATEMENT EXECUTE FUNCTION plans_changed();

CREATE VIEW plans_published_change AS SELECT version FROM plans_change;

CREATE TABLE areas_change (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO areas_change (only_row, version) VALUES (true, 0);

CREATE FUNCTION areas_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE areas_change SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER force_area_changes_areas AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON force_area
  FOR EACH STATEMENT EXECUTE FUNCTION areas_changed();
CREATE TRIGGER local_authority_changes_areas AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON local_authority
  FOR EACH STATEMENT EXECUTE FUNCTION areas_changed();

CREATE VIEW areas_published_change AS SELECT version FROM areas_change;

-- The scorecard's counter now follows only judgements' own tables (its triggers on indicator tables stay).
DROP TRIGGER plan_changes_scorecard ON plan;
DROP TRIGGER plan_version_changes_scorecard ON plan_version;
DROP TRIGGER plan_pillar_changes_scorecard ON plan_pillar;
DROP TRIGGER plan_priority_changes_scorecard ON plan_priority;
DROP TRIGGER plan_measure_changes_scorecard ON plan_measure;
DROP TRIGGER force_area_changes_scorecard ON force_area;
DROP TRIGGER local_authority_changes_scorecard ON local_authority;
