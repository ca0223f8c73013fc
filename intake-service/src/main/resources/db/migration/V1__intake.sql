-- Intake's journal: a mail accepted is recorded here before its sender hears so, and published to
-- Kafka from here, by whichever instance gets to it first (rows leased with SKIP LOCKED). The primary
-- key is the de-duplication of every instance: the same original is accepted once.
create table arrival (
    mail_id      uuid        primary key,
    received     jsonb       not null,
    state        text        not null default 'PENDING' check (state in ('PENDING', 'PUBLISHED')),
    accepted_at  timestamptz not null default now(),
    leased_until timestamptz,
    published_at timestamptz
);
create index arrival_pending on arrival (accepted_at) where state = 'PENDING';
create index arrival_published on arrival (published_at) where state = 'PUBLISHED';

-- When each delivered mail's original is to be deleted; any instance carries it out.
create table retention (
    mail_id uuid        primary key,
    due_at  timestamptz not null
);
create index retention_due on retention (due_at);
