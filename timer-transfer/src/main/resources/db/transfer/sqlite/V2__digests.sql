-- content hashes of local files with their identity when hashed, for sync level 3
create table transfer_digests (
  path text not null,
  algorithm text not null,
  dir text not null,
  size integer not null,
  mtime_ns integer not null,
  ctime_ns integer not null,
  inode integer not null,
  digest integer not null,
  primary key (path, algorithm)
) strict;
create index transfer_digests_dir on transfer_digests (dir);
