-- One row per (mail, destination): the idempotency record of filing a mail in an ESDH system or
-- forwarding it to a mailbox. Checkpoints (e.g. F2's one-time Post-Once-Exactly URLs) are written
-- and committed before the call they protect, so a retry after a crash repeats the same request
-- instead of filing the mail a second time.
create table delivery (
    mail_id            uuid        not null,
    destination_key    text        not null,
    destination_type   text        not null,
    state              text        not null default 'STARTED' check (state in ('STARTED', 'CONFIRMED')),
    checkpoints        jsonb       not null default '{}'::jsonb,
    external_reference text,
    created_at         timestamptz not null default now(),
    confirmed_at       timestamptz,
    primary key (mail_id, destination_key)
);

-- A task waiting for a destination whose circuit is open is not failing: it does not use up attempts.
alter table routing_task add column waiting_for text;
