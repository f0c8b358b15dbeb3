-- Scrutiny: the papers of a meeting as uploaded files, who attended a meeting (and who sent apologies),
-- the register of members' interests, and the interests members declare at a meeting.

-- A paper belongs to a meeting, and optionally to one of that meeting's agenda items: this key lets a paper
-- point at (item, meeting) so it can never name another meeting's item.
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_id_meeting_id_key UNIQUE (id, meeting_id);

CREATE TABLE meeting_paper (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  agenda_item_id integer,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  -- The name the file is served under: made by Peelian from safe characters, never the uploader's path.
  file_name text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(file_name) <= 120),
  -- Told from the file's content (its magic bytes and structure), not from its name or the browser's word.
  media_type text NOT NULL CHECK (media_type IN (
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text',
    'text/csv'
  )),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- Kept in the database so a paper and its record are saved, backed up and removed together.
  content bytea NOT NULL,
  -- An exempt paper (e.g. an exempt appendix to a public item) for the reason the law states; a paper on an
  -- exempt agenda item is exempt whatever this says.
  exempt_paragraph integer CHECK (exempt_paragraph BETWEEN 1 AND 7),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (agenda_item_id, meeting_id) REFERENCES agenda_item (id, meeting_id) ON DELETE CASCADE,
  CHECK (octet_length(content) = byte_size)
);
CREATE INDEX meeting_paper_meeting_idx ON meeting_paper (meeting_id);
CREATE INDEX meeting_paper_agenda_item_idx ON meeting_paper (agenda_item_id);

-- Who was at a meeting, in the order the record lists them. Members are linked to the panel's members;
-- anyone else (a substitute, an officer, the Commissioner, a former member sending apologies) is named.
CREATE TABLE meeting_attendance (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('present', 'apologies', 'absent', 'substitute', 'officer', 'other')),
  member_id integer REFERENCES scrutiny_member (id),
  name text CHECK (name IS NULL OR length(btrim(name)) > 0),
  -- For whom a person attends or what they represent, e.g. 'Office of the PCC' or a council.
  capacity text CHECK (capacity IS NULL OR length(btrim(capacity)) > 0),
  substitute_for_member_id integer REFERENCES scrutiny_member (id),
  position integer NOT NULL CHECK (position > 0),
  CHECK ((member_id IS NULL) <> (name IS NULL)),
  CHECK (member_id IS NULL OR kind IN ('present', 'apologies', 'absent')),
  CHECK ((kind = 'substitute') = (substitute_for_member_id IS NOT NULL)),
  UNIQUE (meeting_id, member_id),
  UNIQUE (meeting_id, position)
);
CREATE INDEX meeting_attendance_member_idx ON meeting_attendance (member_id);

-- The register of members' interests. Categories follow the Relevant Authorities (Disclosable Pecuniary
-- Interests) Regulations 2012 and the other interests a code of conduct asks members to register.
CREATE TABLE member_interest (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id integer NOT NULL REFERENCES scrutiny_member (id) ON DELETE CASCADE,
  category text NOT NULL CHECK (category IN (
    'employment', 'sponsorship', 'contracts', 'land', 'licences', 'corporate-tenancies', 'securities',
    'appointed-body', 'public-or-charitable-body', 'gift-or-hospitality'
  )),
  description text NOT NULL CHECK (length(btrim(description)) > 0),
  -- A sensitive interest (Localism Act 2011, section 32): the register says one exists, never its details.
  sensitive boolean NOT NULL DEFAULT false,
  registered_on date NOT NULL,
  removed_on date,
  CHECK (removed_on IS NULL OR removed_on >= registered_on)
);
CREATE INDEX member_interest_member_idx ON member_interest (member_id);

-- An interest a member declares at a meeting, on one agenda item or on the meeting as a whole.
CREATE TABLE interest_declaration (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id integer NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  agenda_item_id integer,
  member_id integer NOT NULL REFERENCES scrutiny_member (id),
  kind text NOT NULL CHECK (kind IN ('disclosable-pecuniary', 'other-registrable', 'non-registrable')),
  description text NOT NULL CHECK (length(btrim(description)) > 0),
  participation text NOT NULL CHECK (participation IN ('took-part', 'did-not-take-part', 'left-the-room')),
  declared_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (agenda_item_id, meeting_id) REFERENCES agenda_item (id, meeting_id) ON DELETE CASCADE
);
CREATE INDEX interest_declaration_meeting_idx ON interest_declaration (meeting_id);
CREATE INDEX interest_declaration_member_idx ON interest_declaration (member_id);
