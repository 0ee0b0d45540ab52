-- The change feed: one entry per store, replacement, deletion and rejection of an instance, in commit order.
-- Sequence numbers come from the one change_sequence row, which each writing transaction updates as its last
-- statement and so holds until its commit: a transaction that took a sequence number commits before the next one
-- can take one, and a reader paging by "Sequence greater than the last seen" never misses an entry that commits
-- later with a smaller number.
create table change_sequence (
    id            smallint primary key,
    last_sequence bigint   not null
);

create table change_feed (
    sequence    bigint       primary key,
    study_iuid  varchar(64)  not null,
    series_iuid varchar(64)  not null,
    sop_iuid    varchar(64)  not null,
    action      varchar(8)   not null,
    state       varchar(8)   not null,
    changed     timestamp with time zone not null
);
create index ix_change_feed_sop on change_feed (sop_iuid);
create index ix_change_feed_changed on change_feed (changed);

-- What an archive held before the feed existed appears as one create entry per instance, in the order stored.
insert into change_feed (sequence, study_iuid, series_iuid, sop_iuid, action, state, changed)
    select row_number() over (order by i.pk), st.study_iuid, se.series_iuid, i.sop_iuid, 'create', 'current', i.created
      from instance i
      join series se on se.pk = i.series_fk
      join study st on st.pk = se.study_fk;
insert into change_sequence (id, last_sequence) select 1, count(*) from change_feed;
