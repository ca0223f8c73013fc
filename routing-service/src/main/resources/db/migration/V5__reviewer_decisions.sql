-- A reviewer's decision sends the mail's task back through dispatch with the label the person chose,
-- so filing uses the same adapters, idempotency records and retries as the model's decisions.
alter table routing_task add column override_label text;
alter table routing_task add column decided_by text;
