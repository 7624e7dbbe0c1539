-- the sftp server's host key fingerprint, pinned on first use
alter table transfer_endpoints add column host_key varchar(255);
