-- One checksum of a stored object: its CRC-32C (Castagnoli), computed while the bytes were received, over the
-- object exactly as stored. Kept as the unsigned 32-bit value in a bigint, the number tools print and S3 encodes,
-- never a negative integer to puzzle over; null for objects stored before this version, whose SHA-256 stays until
-- the scrub (POST /dicom-web/admin/scrub) has verified the bytes against it and filled their CRC-32C. New rows
-- carry only the CRC-32C.
alter table instance add column blob_crc32c bigint;
alter table instance alter column blob_sha256 drop not null;

-- What the scrub found wrong with a stored object: its bytes are gone ('MISSING') or no longer what was stored
-- ('MISMATCH': another size or checksum). One row per instance, removed when a later scrub finds the object intact
-- or the instance is deleted; the integrity report lists them (see docs/conformance.md, Integrity report).
create table blob_finding (
    instance_pk         bigint        primary key,
    sop_iuid            varchar(64)   not null,
    series_iuid         varchar(64)   not null,
    study_iuid          varchar(64)   not null,
    blob_key            varchar(255)  not null,
    problem             varchar(16)   not null,
    detail              varchar(1024),
    first_found         timestamp with time zone not null,
    last_found          timestamp with time zone not null
);
