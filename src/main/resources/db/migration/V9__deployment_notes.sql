-- Who deployed a definition through PropDesk's managers' API (a change or a rollback), when, and why. The engine keeps
-- the deployment itself; its user operation log names the user of Modeler uploads as well, but has no room for a note.
create table deployment_note (
    deployment_id  varchar(64)   primary key,
    source         varchar(16)   not null,
    deployed_by    varchar(64)   not null,
    deployed_at    timestamp with time zone not null,
    note           varchar(1000) not null,
    rolled_back_to varchar(200)
);
