-- the mtime kept in an object's metadata, by its ETag, so a level-2 re-sync reads it from the
-- listing instead of asking for each object's metadata; a cache, like transfer_digests
create table transfer_object_mtimes (
  location varchar(2048) not null,
  dir varchar(4096) not null,
  name varchar(1024) not null,
  etag varchar(128) not null,
  mtime_ns bigint not null,
  primary key (location, dir, name)
);
