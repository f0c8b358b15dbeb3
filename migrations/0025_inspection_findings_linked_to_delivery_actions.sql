-- A finding is answered by an action of its office's own delivery plans, linked by id: the free-text reference
-- or link that 0022 kept "until delivery plans can be linked to" gives way to it.
ALTER TABLE inspection_finding ADD COLUMN delivery_action_id integer REFERENCES delivery_action (id);
CREATE INDEX inspection_finding_delivery_action_idx ON inspection_finding (delivery_action_id);

-- A reference that names exactly one action of the same office's delivery plans (as its reference, or as the
-- last part of a link to its page) becomes the link; an ambiguous or unknown one links nothing.
WITH candidate AS (
  SELECT f.id AS finding_id, a.id AS action_id
  FROM inspection_finding f
  JOIN inspection i ON i.id = f.inspection_id
  JOIN delivery_plan d ON d.body_id = i.body_id
  JOIN delivery_action a ON a.delivery_plan_id = d.id
  WHERE a.reference IN (btrim(f.delivery_action), substring(f.delivery_action FROM '/actions/([A-Za-z0-9.-]+)/?$'))
), single AS (
  SELECT finding_id, min(action_id) AS action_id FROM candidate GROUP BY finding_id HAVING count(*) = 1
)
UPDATE inspection_finding f SET delivery_action_id = single.action_id FROM single WHERE f.id = single.finding_id;

-- Every old reference, linked or not, stays in the audit trail: nothing typed is lost with the column.
INSERT INTO audit_event (actor_kind, actor_label, action, record_type, record_id, before, after)
SELECT 'system', 'migration 0030', 'update', 'inspection_finding', id::text,
       jsonb_build_object('deliveryAction', delivery_action),
       jsonb_build_object('deliveryActionId', delivery_action_id)
FROM inspection_finding
WHERE delivery_action IS NOT NULL;

ALTER TABLE inspection_finding DROP COLUMN delivery_action;
