-- Rejection of stored instances by Key Object Selection notes (IHE IOCM, PS3.16 CID 7010 rejection titles).
-- One row per rejected SOP Instance UID, whether that instance is stored or not: a note may arrive before the
-- instances it rejects, which are then hidden on arrival. Rows stay after a rejected instance is deleted, so that
-- it stays hidden when a modality sends it again.
create table rejected_instance (
    sop_iuid            varchar(64)  primary key,
    study_iuid          varchar(64)  not null,
    series_iuid         varchar(64)  not null,
    rejection_code      varchar(16)  not null,
    note_iuid           varchar(64)  not null,
    rejected            timestamp with time zone not null,
    delete_after        timestamp with time zone
);
create index ix_rejected_instance_delete_after on rejected_instance (delete_after);

-- How many of a series' or study's stored instances are rejected, and how many of a study's series have nothing
-- else: QIDO shows num_instances - num_rejected and hides a series or study whose instances are all rejected,
-- without a count over the instance table in the common case (no rejection at all).
alter table series add column num_rejected integer not null default 0;
alter table study add column num_rejected integer not null default 0;
alter table study add column num_rejected_series integer not null default 0;
