-- PostgreSQL-only companions of V2__qido_indexes.sql.
--
-- The single-column parent indexes are prefixes of the (parent_fk, pk) ones now: drop them so that every
-- stored instance updates one index less. (H2 keeps them: it may bind them to the foreign keys.)
drop index if exists ix_series_study;
drop index if exists ix_instance_series;

-- Viewers wrap typed text in wildcards (StudyDescription=*x*, AccessionNumber=*x*, PatientID=*x*), and
-- ModalitiesInStudy=PT becomes "modalities_in_study like '%\PT\%'": no b-tree serves these, trigram indexes
-- do. EXPLAIN on 60,000 studies: a rare modality went from a scan of the study table in key order to a bitmap
-- scan of 60 rows. Created only where pg_trgm exists (see V1_1); matching works without them, by scanning.
do $$
declare
    trgm_schema text;
begin
    select n.nspname into trgm_schema
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index ix_study_modalities_trgm on study using gin (modalities_in_study %I.gin_trgm_ops)', trgm_schema);
        execute format('create index ix_study_description_trgm on study using gin (study_description %I.gin_trgm_ops)', trgm_schema);
        execute format('create index ix_study_accession_trgm on study using gin (accession_number %I.gin_trgm_ops)', trgm_schema);
        execute format('create index ix_patient_id_trgm on patient using gin (patient_id %I.gin_trgm_ops)', trgm_schema);
    else
        raise notice 'pg_trgm is not available; trigram indexes for QIDO-RS wildcards skipped';
    end if;
end
$$;
