-- A meeting's agenda is now a draft (status 'scheduled') until the officer publishes it; before this change
-- every agenda item was public as soon as it was added. Meetings that already have items keep them public.
UPDATE meeting
SET status = 'agenda-published'
WHERE status = 'scheduled'
  AND EXISTS (SELECT 1 FROM agenda_item WHERE agenda_item.meeting_id = meeting.id);
