create table transfer_endpoints (
  owner varchar(255) not null,
  id varchar(36) not null,
  display_name varchar(255) not null,
  type varchar(16) not null,
  root varchar(4096) not null,
  host varchar(255),
  port integer,
  username varchar(255),
  secret varchar(16384),
  created_at timestamp with time zone not null,
  primary key (owner, id)
);

create table transfer_actions (
  action_id varchar(36) primary key,
  owner varchar(255) not null,
  request_id varchar(255),
  status varchar(16) not null,
  label varchar(255),
  request clob not null,
  details clob not null,
  display_status varchar(255),
  start_time timestamp with time zone not null,
  completion_time timestamp with time zone,
  release_after varchar(64),
  released boolean default false not null
);
create unique index transfer_actions_request on transfer_actions (owner, request_id);
create index transfer_actions_status on transfer_actions (status);

create table transfer_done_files (
  action_id varchar(36) not null,
  path varchar(4096) not null,
  size bigint not null,
  mtime_ms bigint not null
);
create index transfer_done_files_action on transfer_done_files (action_id);

create table transfer_keys (
  name varchar(64) primary key,
  key_value varchar(255) not null
);
