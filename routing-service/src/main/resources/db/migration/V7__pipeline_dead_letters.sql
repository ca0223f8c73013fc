-- Records that a stage of the pipeline could not process (any topic's dead-letter companion). Each is
-- taken once: unique by its place in the dead-letter topic and its timestamp (a topic created anew
-- starts its offsets again). Mail that never reached routing is put in
-- the review queue in the same transaction, so a failure at any stage ends with a person. The record
-- itself stays in Kafka; this row holds ids, the stage and the exception's class, never content.
create table pipeline_dead_letter (
    id            bigserial   primary key,
    dlt_topic     text        not null,
    dlt_partition integer     not null,
    dlt_offset    bigint      not null,
    dlt_timestamp bigint      not null,
    topic         text        not null,
    stage         text        not null,
    mail_id       uuid,
    cause         text        not null,
    to_review     boolean     not null,
    dead_at       timestamptz not null default now(),
    replayed_at   timestamptz,
    unique (dlt_topic, dlt_partition, dlt_offset, dlt_timestamp)
);
create index pipeline_dead_letter_open on pipeline_dead_letter (dead_at) where replayed_at is null;
