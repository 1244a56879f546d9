-- Running cases a manager moved to another version of their process: one row per case and batch, written when
-- the batch is submitted, so the batch's progress can say which case has moved (the engine's batch knows only
-- its jobs) and the move stays on record after the engine's batch history is cleaned up.
create table migration_case (
    batch_id            varchar(64)   not null,
    case_no             varchar(32)   not null,
    process_instance_id varchar(64)   not null,
    process_key         varchar(255)  not null,
    from_version        integer       not null,
    to_version          integer       not null,
    target_definition_id varchar(64)  not null,
    note                varchar(2000) not null,
    actor               varchar(64)   not null,
    at                  timestamp with time zone not null,
    primary key (batch_id, process_instance_id)
);
