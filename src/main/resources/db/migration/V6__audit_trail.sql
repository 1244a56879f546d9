-- The tamper-evident audit trail: every case event appended as it happens, each row's hash covering
-- the row and the hash before it. History cleanup never touches this table; nothing updates or deletes it.
create table audit_trail (
    seq        bigint        primary key,
    at         timestamp with time zone not null,
    case_no    varchar(32)   not null,
    kind       varchar(32)   not null,
    actor      varchar(64),
    detail     varchar(2000) not null,
    prev_hash  varchar(64)   not null,
    hash       varchar(64)   not null
);

-- The head of the chain: one row, locked by each append, so appends line up one after the other.
create table audit_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
