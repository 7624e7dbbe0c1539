-- content hashes of local files with their identity when hashed, for sync level 3
create table transfer_digests (
  path varchar(4096) not null,
  algorithm varchar(16) not null,
  dir varchar(4096) not null,
  size bigint not null,
  mtime_ns bigint not null,
  ctime_ns bigint not null,
  inode bigint not null,
  digest bigint not null,
  primary key (path, algorithm)
);
create index transfer_digests_dir on transfer_digests (dir);
