-- Neighbour disputes (邻里纠纷调解): the units of each dispute, one row per unit and side, so that a second dispute
-- between the same units within 90 days is found; and the evidence files (uploads) attached to a dispute.
create table mediation_party (
    case_no     varchar(32)   not null references case_record (case_no),
    unit        varchar(32)   not null,
    -- reporter: the reporter's own unit; other: a unit of the other party
    side        varchar(16)   not null,
    opened_at   timestamp with time zone not null,
    constraint pk_mediation_party primary key (case_no, unit)
);

create index ix_mediation_party_unit on mediation_party (unit, opened_at);

create table mediation_evidence (
    case_no      varchar(32)   not null references case_record (case_no),
    upload_id    varchar(36)   not null references upload (id),
    -- cctv, decibel, photos, leak-test
    kind         varchar(16)   not null,
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp with time zone not null,
    constraint pk_mediation_evidence primary key (case_no, upload_id)
);
