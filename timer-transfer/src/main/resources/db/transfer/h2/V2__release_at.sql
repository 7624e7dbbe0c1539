-- when a finished action is released on its own: its completion time plus release_after
alter table transfer_actions add column release_at timestamp with time zone;
create index transfer_actions_release on transfer_actions (release_at);
