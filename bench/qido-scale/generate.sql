-- Fills an empty, migrated index schema with about :instances synthetic instances, in SQL alone (a few
-- seconds per 100,000), for the QIDO-RS scale benchmark (bench/qido-scale.sh). Run with
--   psql -v instances=100000 -v schema=qido_scale -f bench/qido-scale/generate.sql
--
-- Bulk-load order, so that 10,000,000 instances fill in minutes rather than hours: the secondary indexes the
-- migrations created are dropped first and built again from their own definitions after the rows are in
-- (one sort per index instead of a random b-tree or GIN insert per row); primary and unique keys stay, and
-- the foreign-key triggers are off while the rows, consistent by construction, go in (session_replication_role,
-- a superuser setting). The schema ends exactly as the migrations left it, filled and analyzed.
--
-- Shape, drawn with a fixed seed so that every run builds the same archive:
--   studies   one modality each, in a general hospital's proportions of studies: CR 25%, DX 20%, US 15%,
--             CT 15%, MR 10%, MG 7.5%, NM 5%, PT 2.5% (with a CT series: PET/CT); one study in ten also has
--             an SR report series. About 55 instances per study on average.
--   series    CT 2-5, MR 4-8, CR/DX 1-2, US 1-3, PT 2-4, NM 1-3, MG 1 per study.
--   instances CT 10-80, MR 15-40, CR/DX 1-2, US 5-30, PT 50-150, NM 1-10, MG 4, SR 1 per series; the last
--             series is cut so that the total is exactly :instances.
--   patients  about one per two studies, assigned at random (some have many studies); names drawn from 100
--             family and 60 given names, common ones more often; birth dates 1930-2020.
--   dates     StudyDate uniform over 2015-2025, StudyTime 07:00-19:59; accession numbers unique
--             (A + year + number); a third of studies state TimezoneOffsetFromUTC +0100.
--   metadata  a small JSON document per instance (the benchmark asks for no includefield the index lacks).
--   keys      the extended query tags the benchmark configures (study:InstitutionName, one of 40 per study;
--             instance:ContentDate, the study date) and one Request Attributes item per series (Requested
--             Procedure ID RP + study number, Scheduled Procedure Step ID SPS + series number).
\set ON_ERROR_STOP on
set search_path = :"schema", public;
select setseed(0.4242);
set maintenance_work_mem = '512MB';
set synchronous_commit = off;

create temp table g_deferred_index as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
  from pg_index i
  join pg_class t on t.oid = i.indrelid
  join pg_namespace n on n.oid = t.relnamespace
 where n.nspname = :'schema'
   and t.relname in ('patient', 'study', 'series', 'instance', 'extended_key', 'request_attributes_item')
   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
select 'drop index ' || name from g_deferred_index \gexec
set session_replication_role = replica;

create temp table g_names as
select array[
  'SMITH','JOHNSON','WILLIAMS','BROWN','JONES','GARCIA','MILLER','DAVIS','RODRIGUEZ','MARTINEZ',
  'HERNANDEZ','LOPEZ','GONZALEZ','WILSON','ANDERSON','THOMAS','TAYLOR','MOORE','JACKSON','MARTIN',
  'LEE','PEREZ','THOMPSON','WHITE','HARRIS','SANCHEZ','CLARK','RAMIREZ','LEWIS','ROBINSON',
  'WALKER','YOUNG','ALLEN','KING','WRIGHT','SCOTT','TORRES','NGUYEN','HILL','FLORES',
  'GREEN','ADAMS','NELSON','BAKER','HALL','RIVERA','CAMPBELL','MITCHELL','CARTER','ROBERTS',
  'MULLER','SCHMIDT','SCHNEIDER','FISCHER','WEBER','MEYER','WAGNER','BECKER','SCHULZ','HOFFMANN',
  'DUBOIS','DURAND','LEROY','MOREAU','LAURENT','SIMON','MICHEL','LEFEBVRE','BERTRAND','ROUSSEAU',
  'ROSSI','RUSSO','FERRARI','ESPOSITO','BIANCHI','ROMANO','COLOMBO','RICCI','MARINO','GRECO',
  'JANSEN','DEVRIES','VANDENBERG','BAKKER','VISSER','SMIT','MEIJER','DEBOER','MULDER','DEGROOT',
  'NOVAK','KOWALSKI','NOWAK','WISNIEWSKI','HORVATH','NAGY','KOVACS','SZABO','TOTH','VARGA']::text[] as family,
  array[
  'JAMES','MARY','JOHN','PATRICIA','ROBERT','JENNIFER','MICHAEL','LINDA','WILLIAM','ELIZABETH',
  'DAVID','BARBARA','RICHARD','SUSAN','JOSEPH','JESSICA','THOMAS','SARAH','CHARLES','KAREN',
  'ANNA','PETER','MARIA','PAUL','LAURA','MARK','EMMA','LUCAS','SOPHIE','HANS',
  'JULIA','DANIEL','CLARA','FELIX','LEA','JONAS','MARIE','LUKAS','LENA','BEN',
  'CHLOE','HUGO','INES','LOUIS','CAMILLE','GIULIA','MARCO','SOFIA','LUCA','CHIARA',
  'JAN','EVA','PIOTR','ZOFIA','ADAM','KATARINA','TOMAS','ESZTER','BALAZS','NOEMI']::text[] as given;

-- Studies: more than needed; the cut below keeps those the instance count reaches.
create temp table g_study as
select s as study_no,
       (array['CR','CR','CR','CR','CR','CR','CR','CR','CR','CR','DX','DX','DX','DX','DX','DX','DX','DX',
              'US','US','US','US','US','US','CT','CT','CT','CT','CT','CT','MR','MR','MR','MR','MG','MG','MG',
              'PT','NM','NM'])[1 + floor(random() * 40)::int] as modality,
       random() < 0.1 as with_report,
       date '2015-01-01' + floor(random() * 4017)::int as study_day,
       lpad((7 + floor(random() * 13))::int::text, 2, '0') || lpad(floor(random() * 60)::int::text, 2, '0')
           || lpad(floor(random() * 60)::int::text, 2, '0') as study_time,
       random() < 0.33 as with_offset
  from generate_series(1, greatest(100, :instances / 20)) s;

create temp table g_series_all as
select st.study_no, k as series_no,
       case when st.modality = 'PT' and k = 1 then 'CT'
            when st.with_report and k = n.series_count + 1 then 'SR'
            else st.modality end as modality
  from g_study st
  cross join lateral (select case st.modality when 'CT' then 2 + floor(random() * 4)
                                              when 'MR' then 4 + floor(random() * 5)
                                              when 'US' then 1 + floor(random() * 3)
                                              when 'PT' then 2 + floor(random() * 3)
                                              when 'NM' then 1 + floor(random() * 3)
                                              when 'MG' then 1
                                              else 1 + floor(random() * 2) end::int as series_count) n
  cross join lateral generate_series(1, n.series_count + case when st.with_report then 1 else 0 end) k;

create temp table g_series as
select row_number() over (order by study_no, series_no) as series_pk, study_no, series_no, modality, n_inst,
       sum(n_inst) over (order by study_no, series_no) as cum
  from (select s.*, case s.modality when 'CT' then 10 + floor(random() * 71)
                                     when 'MR' then 15 + floor(random() * 26)
                                     when 'US' then 5 + floor(random() * 26)
                                     when 'PT' then 50 + floor(random() * 101)
                                     when 'NM' then 1 + floor(random() * 10)
                                     when 'SR' then 1
                                     when 'MG' then 4
                                     else 1 + floor(random() * 2) end::int as n_inst
          from g_series_all s) x;
delete from g_series where cum - n_inst >= :instances;
update g_series set n_inst = n_inst - (cum - :instances)::int, cum = :instances where cum > :instances;
-- series of studies cut in the middle stay: a study whose last series is missing is still a study
create temp table g_used_study as
select st.*, row_number() over (order by st.study_no) as study_pk
  from g_study st where st.study_no in (select distinct study_no from g_series);

create temp table g_patient as
select p as patient_pk,
       n.family[1 + floor(power(random(), 2) * 100)::int] as family,
       n.given[1 + floor(power(random(), 1.5) * 60)::int] as given,
       date '1930-01-01' + floor(random() * 32872)::int as birth,
       case when random() < 0.01 then 'O' when random() < 0.5 then 'F' else 'M' end as sex
  from generate_series(1, greatest(1, (select count(*) from g_used_study) / 2)) p
  cross join g_names n; -- a column reference, not a sub-query: drawn again for every row
-- The study insert joins a patient drawn at random per study: without a key and statistics the planner would
-- rescan every patient for every study (hours at 10,000,000 instances).
alter table g_patient add primary key (patient_pk);
analyze g_patient;
analyze g_used_study;
analyze g_series;

insert into patient (pk, patient_id, issuer_of_patient_id, patient_name, patient_name_norm, patient_birth_date,
                     patient_sex, created, updated)
select patient_pk, 'P' || lpad(patient_pk::text, 8, '0'), '', family || '^' || given, family || '^' || given,
       to_char(birth, 'YYYYMMDD'), sex, now(), now()
  from g_patient;

insert into study (pk, patient_fk, study_iuid, study_date, study_time, timezone_offset, accession_number, study_id,
                   referring_physician_name, referring_physician_name_norm, study_description,
                   modalities_in_study, sop_classes_in_study, num_series, num_instances, version,
                   study_datetime_utc, patient_name_norm, created, updated)
select st.study_pk,
       pa.patient_pk,
       '1.2.826.0.1.3680043.10.543.1.' || st.study_pk,
       to_char(st.study_day, 'YYYYMMDD'), st.study_time,
       case when st.with_offset then '+0100' end,
       'A' || to_char(st.study_day, 'YY') || lpad(st.study_pk::text, 8, '0'),
       st.study_pk::text,
       rp.name, rp.name,
       case st.modality when 'CT' then (array['CT CHEST W/O CONTRAST','CT HEAD','CT ABDOMEN PELVIS W CONTRAST'])[1 + floor(random() * 3)::int]
                        when 'MR' then (array['MR BRAIN W/WO CONTRAST','MR KNEE RIGHT','MR LUMBAR SPINE'])[1 + floor(random() * 3)::int]
                        when 'CR' then 'XR CHEST 2 VIEWS' when 'DX' then 'XR HAND LEFT'
                        when 'US' then 'US ABDOMEN COMPLETE' when 'PT' then 'PET/CT WHOLE BODY'
                        when 'MG' then 'MG SCREENING BILATERAL'
                        else 'NM BONE SCAN' end,
       m.modalities, m.sop_classes, m.num_series, m.num_instances, 0,
       case when st.with_offset then to_char((st.study_day + st.study_time::time) - interval '1 hour',
                                             'YYYYMMDDHH24MISS') || '.000000' end,
       pa.family || '^' || pa.given, -- the study's copy of its patient's patient_name_norm
       now(), now()
  from g_used_study st
  cross join g_names n
  cross join lateral (select 'DR^' || n.family[1 + floor(random() * 100)::int] as name
                       where st.study_no is not null) rp
  cross join lateral (select 1 + floor(random() * (select count(*) from g_patient))::int as patient_pk
                       where st.study_no is not null) pick
  join g_patient pa on pa.patient_pk = pick.patient_pk
  join (select study_no,
               '\' || string_agg(distinct modality, '\') || '\' as modalities,
               '\' || string_agg(distinct case modality when 'CT' then '1.2.840.10008.5.1.4.1.1.2'
                                                        when 'MR' then '1.2.840.10008.5.1.4.1.1.4'
                                                        when 'CR' then '1.2.840.10008.5.1.4.1.1.1'
                                                        when 'DX' then '1.2.840.10008.5.1.4.1.1.1.1'
                                                        when 'US' then '1.2.840.10008.5.1.4.1.1.6.1'
                                                        when 'PT' then '1.2.840.10008.5.1.4.1.1.128'
                                                        when 'NM' then '1.2.840.10008.5.1.4.1.1.20'
                                                        when 'MG' then '1.2.840.10008.5.1.4.1.1.1.2'
                                                        else '1.2.840.10008.5.1.4.1.1.88.22' end, '\') || '\' as sop_classes,
               count(*) as num_series, sum(n_inst) as num_instances
          from g_series group by study_no) m on m.study_no = st.study_no;

insert into series (pk, study_fk, series_iuid, modality, series_number, series_description, pps_start_date,
                    pps_start_time, num_instances, version, created, updated)
select se.series_pk, st.study_pk, '1.2.826.0.1.3680043.10.543.2.' || se.series_pk, se.modality, se.series_no,
       se.modality || ' series ' || se.series_no, to_char(st.study_day, 'YYYYMMDD'), st.study_time, se.n_inst, 0,
       now(), now()
  from g_series se join g_used_study st on st.study_no = se.study_no;

insert into instance (pk, series_fk, sop_iuid, sop_class_uid, instance_number, number_of_frames, image_rows,
                      image_columns, bits_allocated, sop_instance_status, transfer_syntax_uid, blob_key, blob_size,
                      blob_sha256, metadata, created)
select se.cum - se.n_inst + k, se.series_pk, '1.2.826.0.1.3680043.10.543.3.' || (se.cum - se.n_inst + k),
       c.sop_class, k, null, c.size, c.size, case when se.modality = 'SR' then null else 16 end, null,
       '1.2.840.10008.1.2.1', 'bench/' || (se.cum - se.n_inst + k), coalesce(c.size * c.size * 2, 4096),
       md5((se.cum - se.n_inst + k)::text) || md5('x' || (se.cum - se.n_inst + k)),
       convert_to('{"00080016":{"vr":"UI","Value":["' || c.sop_class || '"]},"00080018":{"vr":"UI","Value":["'
                  || '1.2.826.0.1.3680043.10.543.3.' || (se.cum - se.n_inst + k) || '"]},"00200013":{"vr":"IS","Value":['
                  || k || ']}}', 'UTF8'),
       now()
  from g_series se
  cross join lateral (select case se.modality when 'CT' then '1.2.840.10008.5.1.4.1.1.2'
                                              when 'MR' then '1.2.840.10008.5.1.4.1.1.4'
                                              when 'CR' then '1.2.840.10008.5.1.4.1.1.1'
                                              when 'DX' then '1.2.840.10008.5.1.4.1.1.1.1'
                                              when 'US' then '1.2.840.10008.5.1.4.1.1.6.1'
                                              when 'PT' then '1.2.840.10008.5.1.4.1.1.128'
                                              when 'NM' then '1.2.840.10008.5.1.4.1.1.20'
                                              when 'MG' then '1.2.840.10008.5.1.4.1.1.1.2'
                                              else '1.2.840.10008.5.1.4.1.1.88.22' end as sop_class,
                             case se.modality when 'CT' then 512 when 'MR' then 256 when 'CR' then 2048
                                              when 'DX' then 2048 when 'US' then 640 when 'PT' then 128
                                              when 'NM' then 128 when 'MG' then 3328 else null end as size) c
  cross join lateral generate_series(1, se.n_inst) k;

insert into extended_key (owner_level, owner_pk, tag, key_value)
select 'STUDY', st.pk, 524416, -- (0008,0080) InstitutionName
       (array['NORTH','SOUTH','EAST','WEST','CENTRAL','RIVERSIDE','LAKESIDE','HILLTOP','VALLEY','HARBOR'])[1 + st.pk % 10]
       || ' ' || (array['GENERAL HOSPITAL','CLINIC','IMAGING CENTER','MEDICAL CENTER'])[1 + (st.pk / 10) % 4]
  from study st;
insert into extended_key (owner_level, owner_pk, tag, key_value)
select 'INSTANCE', i.pk, 524323, st.study_date -- (0008,0023) ContentDate
  from instance i join series se on se.pk = i.series_fk join study st on st.pk = se.study_fk;
insert into request_attributes_item (series_fk, requested_procedure_id, scheduled_procedure_step_id)
select se.pk, 'RP' || se.study_fk, 'SPS' || se.pk from series se;

set session_replication_role = origin;
select definition from g_deferred_index \gexec

-- New rows from the server must not collide with the generated keys.
select setval(pg_get_serial_sequence('patient', 'pk'), (select max(pk) from patient));
select setval(pg_get_serial_sequence('study', 'pk'), (select max(pk) from study));
select setval(pg_get_serial_sequence('series', 'pk'), (select max(pk) from series));
select setval(pg_get_serial_sequence('instance', 'pk'), (select max(pk) from instance));
analyze patient;
analyze study;
analyze series;
analyze instance;
analyze extended_key;
analyze request_attributes_item;
select (select count(*) from patient) as patients, (select count(*) from study) as studies,
       (select count(*) from series) as series, (select count(*) from instance) as instances;
