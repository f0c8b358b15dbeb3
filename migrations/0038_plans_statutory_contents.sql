-- What a Police and Crime Plan must set out besides its objectives (Police Reform and Social Responsibility Act
-- 2011 s7(1)(b)-(f)), one text per section per version. The objectives themselves (s7(1)(a)) are the plan's
-- priorities. A section not written has no row: the plan page and the issuing step warn of it (issue 18 item 8).
CREATE TABLE plan_statutory_section (
  version_id integer NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  section text NOT NULL CHECK (section IN ('policing', 'resources', 'reporting', 'performance', 'grants')),
  text text NOT NULL CHECK (btrim(text) <> ''),
  PRIMARY KEY (version_id, section)
);
