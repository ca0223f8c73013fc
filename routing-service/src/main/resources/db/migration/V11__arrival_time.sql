-- When intake accepted each mail (MailClassified 1.4's receivedAt), kept beyond the content's
-- retention so the efficiency report can measure arrival to destination. Null for mail classified
-- before 1.4: the report then counts from routing's own arrival (created_at) and says so.
alter table routing_task add column received_at timestamptz;
