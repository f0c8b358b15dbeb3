-- Accounts: two more kinds of body that meet in public, beside the scrutiny panel and the policing body (whose
-- public accountability meetings the Commissioner holds): an audit committee (such as the joint independent
-- audit committee of a Commissioner and a chief constable) and a partnership board (such as a community safety
-- or criminal justice board). What each kind of body does in public is the scrutiny domain's rule
-- (src/domains/scrutiny/bodies.ts); this only lets the rows exist.
ALTER TABLE body DROP CONSTRAINT body_kind_check;
ALTER TABLE body ADD CONSTRAINT body_kind_check CHECK (
  kind IN ('policing-body', 'scrutiny-panel', 'partner-organisation', 'audit-committee', 'partnership-board')
);
