-- Background jobs that must run on one server node at a time (the orphan file sweep, the rejection sweep, the
-- reindexer): one row per job, naming the node that holds it until 'expires' (the database's clock, so that the
-- nodes' clocks need not agree). A node renews its lease while the job runs; a node that dies loses it at expiry.
create table cluster_lease (
    name        varchar(64)  primary key,
    holder      varchar(64)  not null,
    holder_host varchar(255) not null,
    acquired    timestamp with time zone not null,
    expires     timestamp with time zone not null
);
