-- The study row carries a copy of its patient's normalised name, which PatientName matching reads: the study
-- list then filters and pages one table, and the planner weighs the name's index against walking studies in
-- order with the statistics of the same rows. A study's patient and that patient's name are set when the rows
-- are created and never change, so the copy is written once, with the study row.
alter table study add column patient_name_norm varchar(1024);

update study set patient_name_norm = (select p.patient_name_norm from patient p where p.pk = study.patient_fk);

create index ix_study_patient_name_norm on study (patient_name_norm);
