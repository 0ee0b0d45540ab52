-- The references graph (docs/conformance.md, "References graph (extension)"): one row per distinct reference of a
-- stored instance to another SOP instance, i.e. per Referenced SOP Instance UID (0008,1155) found in a sequence item
-- at any depth, with the Referenced SOP Class UID (0008,1150) of that item (NULL when it names none), the sequences
-- it was found under as keywords ('ContentSequence/ReferencedSOPSequence'), and the study and series the enclosing
-- items state (NULL when none does). The referenced instance need not be stored: the UID is not a foreign key.
-- Rows go with their instance (deletion, replacement); rejected instances keep theirs and are hidden when read, as
-- QIDO-RS hides them.
create table instance_reference (
    instance_fk              bigint        not null,
    referenced_sop_iuid      varchar(64)   not null,
    referenced_sop_class_uid varchar(64),
    attribute_path           varchar(1024) not null,
    referenced_study_iuid    varchar(64),
    referenced_series_iuid   varchar(64),
    constraint fk_instance_reference_instance foreign key (instance_fk) references instance (pk)
);
-- What an instance references (and the deletion of its rows); what references an instance.
create index ix_instance_reference_instance on instance_reference (instance_fk);
create index ix_instance_reference_referenced on instance_reference (referenced_sop_iuid);

-- Instances stored before this version get their rows from the reindexer (org.opendicomweb.index.Reindexer), which
-- reads their stored metadata: SQL cannot parse DICOM.
insert into reindex_task (name, through_pk, complete, updated)
    select 'references-12', 0, not exists (select 1 from instance), current_timestamp;
