-- How far the scrub's pass has got, so that a pass stopped midway (its node stopped or killed, its lease lost)
-- continues on whichever node takes the lease next rather than from the first object again: every instance up to
-- after_pk is checked, and the counts are those of the whole pass so far. 'runner' is the node that last began or
-- continued the pass: a node writes its progress only while the pass is still its own. 'finished' is set when the
-- pass reached the end; the next pass then starts over. One row per kind of pass ('scrub').
create table scrub_progress (
    name             varchar(64)  primary key,
    runner           varchar(64)  not null,
    after_pk         bigint       not null,
    started          timestamp with time zone not null,
    saved            timestamp with time zone not null,
    finished         timestamp with time zone,
    checked          bigint       not null,
    intact           bigint       not null,
    checksums_filled bigint       not null,
    mismatches       bigint       not null,
    missing          bigint       not null,
    unreadable       bigint       not null,
    bytes_read       bigint       not null
);
