-- PostgreSQL-only indexes for person-name matching (the common schema has plain b-tree indexes).
--
-- Prefix matching (PatientName=DOE*) becomes "patient_name_norm like 'DOE%'"; with a non-C collation a
-- plain b-tree cannot serve LIKE, a text_pattern_ops one can.
create index ix_patient_name_norm_prefix on patient (patient_name_norm text_pattern_ops);
create index ix_study_referring_norm_prefix on study (referring_physician_name_norm text_pattern_ops);

-- Viewers wrap typed text in wildcards (PatientName=*x*), which no b-tree serves. Trigram indexes do, when
-- the pg_trgm extension can be installed (it is "trusted" since PostgreSQL 13, so a database owner may).
-- Without it these indexes are skipped and matching still works, by sequential scan.
do $$
declare
    trgm_schema text;
begin
    begin
        -- in public, not the first schema of the search path, so a scratch schema never owns it
        create extension if not exists pg_trgm schema public;
    exception when others then
        raise notice 'pg_trgm is not available (%); trigram indexes skipped', sqlerrm;
    end;
    select n.nspname into trgm_schema
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index ix_patient_name_norm_trgm on patient using gin (patient_name_norm %I.gin_trgm_ops)', trgm_schema);
        execute format('create index ix_study_referring_norm_trgm on study using gin (referring_physician_name_norm %I.gin_trgm_ops)', trgm_schema);
    end if;
end
$$;
