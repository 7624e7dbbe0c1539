-- a tree's rows are read as one range of dir: that needs byte order, whatever the database's collation
alter table transfer_digests alter column dir type varchar(4096) collate "C";
