-- When a meeting ends (issue 18 item 7), for the iCalendar feeds' DTEND and OParl's Meeting.end. Empty where
-- nobody has said: meetings already recorded keep no end, and the feeds give them a stated default duration
-- rather than a guessed end written into the record.
ALTER TABLE meeting ADD COLUMN ends_at timestamptz;
ALTER TABLE meeting ADD CONSTRAINT meeting_ends_after_it_starts CHECK (ends_at IS NULL OR ends_at > starts_at);
