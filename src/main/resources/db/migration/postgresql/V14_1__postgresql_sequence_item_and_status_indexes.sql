-- PostgreSQL-only companion of V14. Wildcard matching inside sequence items (ProcedureCodeSequence.CodeMeaning=Chest*)
-- becomes "key_value like 'Chest%'", which the b-tree on (tag, key_value) does not serve under a non-C collation; a
-- trigram index does, where pg_trgm exists (see V1_1, V5_1). Without it such matching reads every item value
-- (EXPLAIN on 1,200,000 values, a prefix pattern: 139 ms without, 49 ms with; docs/benchmarks-qido.md, "Sequence items").
do $$
declare
    trgm_schema text;
begin
    select n.nspname into trgm_schema
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index ix_sequence_item_key_value_trgm on sequence_item_key using gin (key_value %I.gin_trgm_ops)', trgm_schema);
    else
        raise notice 'pg_trgm is not available; the trigram index for wildcards inside sequence items is skipped';
    end if;
end
$$;

-- The integrity report looks for series whose instances disagree on SOP Instance Status or its authorization
-- starting from the instances that carry one of them, which are few: a partial index holds just those, so the
-- report reads them without a scan of every instance.
create index ix_instance_with_status on instance (series_fk)
    where sop_instance_status is not null or sop_authorization_datetime is not null
       or sop_authorization_comment is not null;
