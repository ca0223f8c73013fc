-- A review item is claimed by one person at a time, so two people never work on the same mail.
-- A claim lapses after postfordeling.routing.claim-timeout, so an abandoned item returns to the queue.
alter table review_item add column claimed_by text;
alter table review_item add column claimed_at timestamptz;

-- Who did what with which mail, and when: every claim (and, with the workbench, every view of a
-- mail's content and every decision). The actor is a pseudonymous id, never a name or address;
-- details hold ids and outcomes, never content.
create table audit_log (
    id      bigserial   primary key,
    at      timestamptz not null default now(),
    actor   text        not null,
    action  text        not null,
    mail_id uuid,
    detail  jsonb       not null default '{}'::jsonb
);
create index audit_log_mail on audit_log (mail_id, at);
