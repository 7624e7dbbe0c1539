-- the node running an unfinished action, and until when its claim holds without renewal
alter table transfer_actions add column owner_node text;
alter table transfer_actions add column lease_until integer;
