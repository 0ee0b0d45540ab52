-- A study without Patient ID (0010,0020) gets a patient row of its own: sharing one row keyed by '' would
-- show every such study with the first one's name and birth date. NULLs never collide in the unique key
-- (patient_id, issuer_of_patient_id) on H2 or PostgreSQL.
alter table patient alter column patient_id drop not null;
