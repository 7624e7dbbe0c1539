-- the mtime kept in an object's metadata, by its ETag, so a level-2 re-sync reads it from the
-- listing instead of asking for each object's metadata; a cache, like transfer_digests
create table transfer_object_mtimes (
  location text not null,
  dir text not null,
  name text not null,
  etag text not null,
  mtime_ns integer not null,
  primary key (location, dir, name)
) strict, without rowid;
