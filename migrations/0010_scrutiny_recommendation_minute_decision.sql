-- A recommendation entered in the ledger from the minutes names the decision of the minute item it records
-- (its position in the item), so each recommendation the minutes record is entered once, and the ledger
-- entry keeps its link while its wording may be the panel's own summary.
ALTER TABLE recommendation ADD COLUMN minute_decision_position integer;

ALTER TABLE recommendation
  ADD CONSTRAINT recommendation_decision_needs_its_minute
    CHECK (minute_decision_position IS NULL OR minute_item_id IS NOT NULL);

ALTER TABLE recommendation
  ADD CONSTRAINT recommendation_minute_decision_entered_once UNIQUE (minute_item_id, minute_decision_position);

-- Deferred: a records file sets a minute item's decisions afresh (delete, then insert) inside its
-- transaction; the decision must exist again by the time that transaction commits.
ALTER TABLE recommendation
  ADD CONSTRAINT recommendation_minute_decision_fkey
    FOREIGN KEY (minute_item_id, minute_decision_position) REFERENCES minute_decision (minute_item_id, position)
    DEFERRABLE INITIALLY DEFERRED;
