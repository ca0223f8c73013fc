-- Routing service schema: inbound tasks, outcomes, the review queue and the transactional outbox.

-- One row per classified mail, written when the MailClassified record is consumed (so the Kafka
-- offset can be committed) and worked off by the dispatcher. A crash loses nothing: a task stays
-- PENDING until its outcome is committed in the same transaction that marks it DONE.
create table routing_task (
    mail_id          uuid primary key,
    decision         text        not null check (decision in ('ROUTE', 'REVIEW')),
    label            text        not null,
    confidence       double precision not null,
    classified       jsonb       not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'DONE')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index routing_task_due on routing_task (next_attempt_at) where status = 'PENDING';

-- Where every mail ended: delivered (ROUTED) or in a person's hands (REVIEW).
create table routing_outcome (
    mail_id             uuid primary key,
    outcome             text        not null check (outcome in ('ROUTED', 'REVIEW')),
    label               text,
    confidence          double precision,
    destination_type    text,
    destination_key     text,
    destination_address text,
    external_reference  text,
    decided_by          text        not null,
    model_version       text,
    decided_at          timestamptz not null
);
create index routing_outcome_recent on routing_outcome (decided_at desc);

-- The human-review queue (postfordeling staff work it from the workbench).
create table review_item (
    mail_id       uuid primary key,
    original_ref  text        not null,
    channel       text        not null,
    reasons       jsonb       not null,
    suggestions   jsonb       not null,
    explanation   jsonb,
    model_version text,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'CLAIMED', 'DONE')),
    created_at    timestamptz not null default now()
);
create index review_item_open on review_item (created_at) where status <> 'DONE';

-- Transactional outbox: events are written with the state change they describe and relayed to Kafka.
create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    message_key  text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
