-- The scorecard keeps what it has read in memory for as long as nothing it reads has changed. Every statement
-- that changes one of those tables moves this counter on, inside the writer's own transaction, so a process
-- that reads the counter before the data can never keep data older than the counter says, whichever process
-- made the change. One row, updated by statement (not by row): an import of thousands of values bumps it once.

CREATE TABLE scorecard_inputs_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);

INSERT INTO scorecard_inputs_version (only_row, version) VALUES (true, 0);

CREATE FUNCTION scorecard_inputs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE scorecard_inputs_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER plan_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER plan_version_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_version
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER plan_pillar_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_pillar
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER plan_priority_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_priority
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER plan_measure_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_measure
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER force_area_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON force_area
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER local_authority_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON local_authority
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER indicator_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER indicator_measure_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_measure
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
CREATE TRIGGER indicator_value_changes_scorecard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_value
  FOR EACH STATEMENT EXECUTE FUNCTION scorecard_inputs_changed();
