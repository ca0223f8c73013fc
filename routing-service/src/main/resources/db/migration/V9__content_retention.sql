-- When a mail's content (text, explanation, original) was erased: at the end of its retention period,
-- or at once on an administrator's request. The row, its ids, labels and audit trail stay.
alter table routing_task add column content_erased_at timestamptz;
create index routing_task_content_kept on routing_task (updated_at) where content_erased_at is null and status = 'DONE';
