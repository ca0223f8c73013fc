-- What the workbench filters and lists by, as columns of routing's own: queries no longer read into
-- the classifier's wire message stored with the task.
alter table routing_task add column channel text;
alter table routing_task add column language text;
update routing_task set channel = classified->>'channel', language = classified->'content'->>'language';
