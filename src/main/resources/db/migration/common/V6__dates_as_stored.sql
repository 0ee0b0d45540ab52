-- QIDO-RS returns a date as stored (PS3.18 §10.6.3.3) even when it is no YYYYMMDD to match on: the
-- matching columns (study_date, patient_birth_date, pps_start_date, char(8)) keep only dates that parse, and
-- these keep the stored text of the others (ACR-NEMA's yyyy.mm.dd, PS3.5 §6.2 DA, and anything else).
-- NULL when the matching column holds the value, or there is none. Runs unchanged on H2 and PostgreSQL.
alter table study add column study_date_stored varchar(16);
alter table patient add column patient_birth_date_stored varchar(16);
alter table series add column pps_start_date_stored varchar(16);
