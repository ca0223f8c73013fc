-- Automatic routing paused by an administrator: for everything (scope '*') or for one destination
-- (scope = the routing table's key). While a row is here, mail that would be routed automatically
-- goes to a person with the pause's reason. Resuming deletes the row; both are in the audit log.
create table routing_pause (
    scope     text        primary key,
    reason    text        not null,
    paused_by text        not null,
    paused_at timestamptz not null
);
