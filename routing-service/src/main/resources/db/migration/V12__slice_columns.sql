-- What the live slice view groups mail by, kept beside the task so it outlasts the content's
-- erasure: the sender's kind (from a Digital Post sender's id type), the text's length and how many
-- CPR numbers intake found. None of it is content.
alter table routing_task add column sender_type text;
alter table routing_task add column text_length integer;
alter table routing_task add column cpr_numbers integer;
update routing_task set
    sender_type = case classified->'hints'->>'senderIdType' when 'CPR' then 'citizen' when 'CVR' then 'company' else 'unknown' end,
    text_length = length(classified->'content'->>'text'),
    cpr_numbers = (classified->'content'->>'cprNumbersFound')::integer
where content_erased_at is null;
