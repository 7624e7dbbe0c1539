-- Instants are epoch milliseconds (INTEGER); booleans are 0 or 1.
create table transfer_endpoints (
  owner text not null,
  id text not null,
  display_name text not null,
  type text not null,
  root text not null,
  host text,
  port integer,
  username text,
  secret text,
  created_at integer not null,
  host_key text,
  -- type-specific settings of an endpoint as a JSON document (the s3 service, bucket, prefix, ...)
  settings text,
  primary key (owner, id)
) strict;

create table transfer_actions (
  action_id text primary key,
  owner text not null,
  request_id text,
  status text not null,
  label text,
  request text not null,
  details text not null,
  display_status text,
  start_time integer not null,
  completion_time integer,
  release_after text,
  released integer default 0 not null,
  release_at integer
) strict;
create unique index transfer_actions_request on transfer_actions (owner, request_id);
create index transfer_actions_status on transfer_actions (status);
create index transfer_actions_release on transfer_actions (release_at);

create table transfer_done_files (
  action_id text not null,
  path text not null,
  size integer not null,
  mtime_ms integer not null
) strict;
create index transfer_done_files_action on transfer_done_files (action_id);

create table transfer_keys (
  name text primary key,
  key_value text not null
) strict;

-- multipart uploads a transfer has started and not yet completed or aborted, so that a resumed
-- transfer takes them up and a finished one aborts what is left
create table transfer_uploads (
  action_id text not null,
  path text not null,
  upload_id text not null,
  size integer not null,
  mtime_ms integer not null,
  part_size integer not null
) strict;
create index transfer_uploads_action on transfer_uploads (action_id);
