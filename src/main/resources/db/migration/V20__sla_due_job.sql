-- A running clock waits on a timer job of its own (the engine's job table) rather than on a watcher process: the
-- job's id is kept here so meeting, stopping, pausing or resuming the clock finds it without a search. Clocks started
-- before this version have none and still end their watcher by message.
alter table sla_clock add column due_job_id varchar(64);
