-- PostgreSQL-only companion of V4: wildcard matching of extended query tags (InstitutionName=*clinic*) becomes
-- "key_value like '%clinic%'", which no b-tree serves; a trigram index does, where pg_trgm exists (see V1_1).
-- Without it such matching reads every value of the tag.
do $$
declare
    trgm_schema text;
begin
    select n.nspname into trgm_schema
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index ix_extended_key_value_trgm on extended_key using gin (key_value %I.gin_trgm_ops)', trgm_schema);
    else
        raise notice 'pg_trgm is not available; the trigram index for extended query tag wildcards is skipped';
    end if;
end
$$;
