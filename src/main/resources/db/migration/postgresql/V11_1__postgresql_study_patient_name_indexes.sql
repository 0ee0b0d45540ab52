-- PostgreSQL-only companion of V11: the indexes V1_1 gives the patient's name, on the study's copy of it.
-- Prefix matching (PatientName=DOE*) needs text_pattern_ops under a non-C collation; wildcards on both sides
-- (PatientName=*x*) need a trigram index, made where pg_trgm exists (see V1_1).
create index ix_study_patient_name_norm_prefix on study (patient_name_norm text_pattern_ops);

do $$
declare
    trgm_schema text;
begin
    select n.nspname into trgm_schema
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index ix_study_patient_name_norm_trgm on study using gin (patient_name_norm %I.gin_trgm_ops)', trgm_schema);
    else
        raise notice 'pg_trgm is not available; the trigram index for the study''s patient name is skipped';
    end if;
end
$$;
