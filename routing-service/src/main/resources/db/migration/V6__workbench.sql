-- The workbench: a person's decision can be undone for a short while, so its effects wait that long.
-- An outbox row is published from available_at (a reviewer's feedback waits out the undo window).
alter table outbox add column available_at timestamptz not null default now();

-- A person may close a review item without routing it: not for this municipality, or spam.
alter table routing_outcome drop constraint routing_outcome_outcome_check;
alter table routing_outcome add constraint routing_outcome_outcome_check check (outcome in ('ROUTED', 'REVIEW', 'CLOSED'));
alter table routing_outcome add column closed_reason text;

-- What a person decided on a review item, and when (for undo and for the transparency page).
alter table review_item add column decision text;
alter table review_item add column decided_by text;
alter table review_item add column decided_at timestamptz;
