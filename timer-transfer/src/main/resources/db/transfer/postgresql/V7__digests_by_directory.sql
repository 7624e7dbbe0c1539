-- keyed by directory: a directory's rows are read together and written in batches.
-- The rows are a cache of content hashes, so they are dropped rather than copied.
drop table transfer_digests;
create table transfer_digests (
  dir varchar(4096) not null,
  path varchar(4096) not null,
  algorithm varchar(16) not null,
  size bigint not null,
  mtime_ns bigint not null,
  ctime_ns bigint not null,
  inode bigint not null,
  digest bigint not null,
  primary key (dir, path, algorithm)
);
