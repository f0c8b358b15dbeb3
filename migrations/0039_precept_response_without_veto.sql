-- Without a veto the Commissioner also responds to the Panel's report, and only that response ends the scrutiny
-- process before which no precept may be issued (PRSRA 2011 Sch 5 para 1(2)(a) and para 5). Migration 0028 tied
-- a response to a revised precept; now a response carries a revised precept exactly when the Panel vetoed.
DO $$
DECLARE
  tied text;
BEGIN
  SELECT conname INTO tied
    FROM pg_constraint
   WHERE conrelid = 'precept_year'::regclass
     AND contype = 'c'
     AND pg_get_constraintdef(oid) = 'CHECK (((revised_pence IS NULL) = (responded_on IS NULL)))';
  EXECUTE format('ALTER TABLE precept_year DROP CONSTRAINT %I', tied);
END
$$;

ALTER TABLE precept_year
  ADD CONSTRAINT precept_year_response_after_report CHECK (responded_on IS NULL OR reported_on IS NOT NULL),
  ADD CONSTRAINT precept_year_revised_with_response CHECK (revised_pence IS NULL OR responded_on IS NOT NULL),
  ADD CONSTRAINT precept_year_revised_exactly_after_veto
    CHECK (responded_on IS NULL OR (panel_decision = 'veto') = (revised_pence IS NOT NULL));
