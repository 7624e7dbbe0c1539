-- type-specific settings of an endpoint as a JSON document (the s3 service, bucket, prefix, ...)
alter table transfer_endpoints add column settings varchar(4096);

-- multipart uploads a transfer has started and not yet completed or aborted, so that a resumed
-- transfer takes them up and a finished one aborts what is left
create table transfer_uploads (
  action_id varchar(36) not null,
  path varchar(4096) not null,
  upload_id varchar(1024) not null,
  size bigint not null,
  mtime_ms bigint not null,
  part_size bigint not null
);
create index transfer_uploads_action on transfer_uploads (action_id);
