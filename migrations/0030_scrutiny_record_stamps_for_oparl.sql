-- When each scrutiny record the OParl 1.1 API serves was created and last changed (issue 18 item 6), so its
-- objects carry `created` and `modified` and its lists honour `modified_since`. The stamps live beside the
-- records, kept by triggers, so no record's own columns (nor the code that writes them) change.
-- OParl embeds some objects in others (a meeting's agenda items and files; a person's memberships), and a
-- client that crawls with modified_since must see the outer object change when an embedded one does, so a
-- change to an embedded record also stamps the record that embeds it.
CREATE TABLE scrutiny_record_stamp (
  kind text NOT NULL CHECK (kind IN ('meeting', 'agenda_item', 'meeting_paper', 'scrutiny_member', 'scrutiny_group')),
  record_id integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, record_id)
);
CREATE INDEX scrutiny_record_stamp_modified_idx ON scrutiny_record_stamp (kind, modified_at);

-- Records already there: created when they were (agenda items with their meeting), unchanged since.
INSERT INTO scrutiny_record_stamp (kind, record_id, created_at, modified_at)
  SELECT 'meeting', id, created_at, created_at FROM meeting;
INSERT INTO scrutiny_record_stamp (kind, record_id, created_at, modified_at)
  SELECT 'agenda_item', agenda_item.id, meeting.created_at, meeting.created_at
  FROM agenda_item JOIN meeting ON meeting.id = agenda_item.meeting_id;
INSERT INTO scrutiny_record_stamp (kind, record_id, created_at, modified_at)
  SELECT 'meeting_paper', id, uploaded_at, uploaded_at FROM meeting_paper;
INSERT INTO scrutiny_record_stamp (kind, record_id, created_at, modified_at)
  SELECT 'scrutiny_member', id, created_at, created_at FROM scrutiny_member;
INSERT INTO scrutiny_record_stamp (kind, record_id, created_at, modified_at)
  SELECT 'scrutiny_group', id, created_at, created_at FROM scrutiny_group;

-- Marks one record changed now (created now, if it has no stamp yet).
CREATE FUNCTION scrutiny_stamp_touch(stamp_kind text, id integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO scrutiny_record_stamp (kind, record_id) VALUES (stamp_kind, id)
  ON CONFLICT (kind, record_id) DO UPDATE SET modified_at = now();
$$;

-- A record's own stamp: a new record (an id used again after a reset) starts afresh; a deleted one loses it.
CREATE FUNCTION scrutiny_stamp_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM scrutiny_record_stamp WHERE kind = TG_TABLE_NAME AND record_id = OLD.id;
    RETURN OLD;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO scrutiny_record_stamp (kind, record_id) VALUES (TG_TABLE_NAME, NEW.id)
    ON CONFLICT (kind, record_id) DO UPDATE SET created_at = now(), modified_at = now();
  ELSE
    PERFORM scrutiny_stamp_touch(TG_TABLE_NAME, NEW.id);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER meeting_stamp AFTER INSERT OR UPDATE OR DELETE ON meeting
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_own();
CREATE TRIGGER agenda_item_stamp AFTER INSERT OR UPDATE OR DELETE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_own();
CREATE TRIGGER meeting_paper_stamp AFTER INSERT OR UPDATE OR DELETE ON meeting_paper
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_own();
CREATE TRIGGER scrutiny_member_stamp AFTER INSERT OR UPDATE OR DELETE ON scrutiny_member
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_own();
CREATE TRIGGER scrutiny_group_stamp AFTER INSERT OR UPDATE OR DELETE ON scrutiny_group
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_own();

-- A meeting embeds its agenda items, its files and (once held) who took part; an agenda item its files.
CREATE FUNCTION scrutiny_stamp_meeting_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM scrutiny_stamp_touch('meeting', OLD.meeting_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM scrutiny_stamp_touch('meeting', NEW.meeting_id);
  END IF;
  IF TG_TABLE_NAME = 'meeting_paper' THEN
    IF TG_OP <> 'INSERT' AND OLD.agenda_item_id IS NOT NULL THEN
      PERFORM scrutiny_stamp_touch('agenda_item', OLD.agenda_item_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.agenda_item_id IS NOT NULL THEN
      PERFORM scrutiny_stamp_touch('agenda_item', NEW.agenda_item_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER agenda_item_stamps_meeting AFTER INSERT OR UPDATE OR DELETE ON agenda_item
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_meeting_parts();
CREATE TRIGGER meeting_paper_stamps_meeting AFTER INSERT OR UPDATE OR DELETE ON meeting_paper
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_meeting_parts();
CREATE TRIGGER meeting_attendance_stamps_meeting AFTER INSERT OR UPDATE OR DELETE ON meeting_attendance
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_meeting_parts();

-- A person embeds their memberships, and a group lists its memberships: a group membership stamps both.
CREATE FUNCTION scrutiny_stamp_group_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM scrutiny_stamp_touch('scrutiny_member', OLD.member_id);
    PERFORM scrutiny_stamp_touch('scrutiny_group', OLD.group_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM scrutiny_stamp_touch('scrutiny_member', NEW.member_id);
    PERFORM scrutiny_stamp_touch('scrutiny_group', NEW.group_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER scrutiny_group_member_stamps AFTER INSERT OR UPDATE OR DELETE ON scrutiny_group_member
  FOR EACH ROW EXECUTE FUNCTION scrutiny_stamp_group_member();
