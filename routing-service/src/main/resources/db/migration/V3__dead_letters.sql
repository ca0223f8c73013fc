-- A task whose destination kept failing after every retry is dead-lettered: it stays here, its
-- MailClassified goes to the dead-letter topic with the cause in record headers, and ops replay it
-- (API or bin/replay-dead-letters) once the destination works. Its idempotency record is kept, so a
-- replay continues where filing stopped and never files twice.
alter table routing_task drop constraint routing_task_status_check;
alter table routing_task add constraint routing_task_status_check check (status in ('PENDING', 'DONE', 'DEAD'));
alter table routing_task add column dead_destination text;
alter table routing_task add column dead_at timestamptz;
create index routing_task_dead on routing_task (dead_at) where status = 'DEAD';

-- Kafka record headers for an outbox row (ids and causes only, never content).
alter table outbox add column headers jsonb;
