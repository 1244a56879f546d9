-- A clock can run again for the same case (the response clock of a job dispatched again after a
-- hand-back): each run is a round of its own, and every round keeps its own record.
alter table sla_clock add column round integer default 1 not null;
alter table sla_clock drop constraint uq_sla_clock;
alter table sla_clock add constraint uq_sla_clock_round unique (case_no, sla, round);
