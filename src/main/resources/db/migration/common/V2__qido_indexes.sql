-- Indexes for QIDO-RS (see docs/conformance.md, QIDO-RS). Runs unchanged on H2 and PostgreSQL.
--
-- Query pages are ordered by primary key within a parent ("the series of a study", "the instances of a
-- series"): (parent_fk, pk) serves the filter and the order at once. It also finds the first instance of a
-- series and the first series of a study, whose stored metadata answers includefield, in one index probe
-- instead of a scan of the whole series (min(pk) over an index on parent_fk alone reads every entry).
create index ix_series_study_pk on series (study_fk, pk);
create index ix_instance_series_pk on instance (series_fk, pk);
