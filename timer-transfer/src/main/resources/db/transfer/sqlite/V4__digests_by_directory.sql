-- one b-tree keyed by directory: a directory's rows are read together and written in batches.
-- The rows are a cache of content hashes, so they are dropped rather than copied.
drop table transfer_digests;
create table transfer_digests (
  dir text not null,
  path text not null,
  algorithm text not null,
  size integer not null,
  mtime_ns integer not null,
  ctime_ns integer not null,
  inode integer not null,
  digest integer not null,
  primary key (dir, path, algorithm)
) strict, without rowid;
