#!/usr/bin/env bash
# QIDO-RS at scale: fills a PostgreSQL schema of its own with synthetic instances at each scale, runs the
# packaged server against it and measures the queries viewers send; records EXPLAIN (ANALYZE, BUFFERS) of
# the statements the server ran and renders docs/benchmarks-qido.md. See bench/README.md.
#
#   bench/qido-scale.sh [--scales 10k,100k,1m] [--requests 40] [--no-docs] [--keep-schema] [--reuse-schema] [--build]
#
# Scales are instance counts, with an optional k or m suffix (10m: 10,000,000 instances, about 10 GB of
# tables and indexes and 15 minutes of filling on 2 cores; see docs/benchmarks-qido.md). The docs keep the
# figures and plans of scales not run this time, so a large scale can be run on its own. --keep-schema leaves
# the filled schema behind (drop it yourself: several GB at 10m); --reuse-schema measures again on such a schema
# when it holds the scale's instance count (the server migrates it first), instead of filling it anew.
# Needs a PostgreSQL server on 127.0.0.1:5432 that user postgres reaches without a password (database from
# BENCH_PG_DB, default 'test'), psql, curl and the packaged jar (built when missing, or with --build).
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
scales=10k,100k,1m
requests=40
docs=1
keep_schema=0
reuse_schema=0
build=0
while (($#)); do
  case $1 in
    --scales) scales=$2; shift ;;
    --requests) requests=$2; shift ;;
    --no-docs) docs=0 ;;
    --keep-schema) keep_schema=1 ;;
    --reuse-schema) reuse_schema=1 ;;
    --build) build=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "qido-scale.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x $JAVA ]] || JAVA=$(command -v java)
for tool in psql curl; do
  command -v "$tool" >/dev/null || { echo "qido-scale.sh: $tool is required" >&2; exit 1; }
done
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=${BENCH_PG_DB:-test}
schema=${BENCH_PG_SCHEMA:-qido_scale}
port=${BENCH_PORT_QIDO:-18091}
base=http://127.0.0.1:$port/dicom-web
jar=target/quarkus-app/quarkus-run.jar
if ((build)) || [[ ! -f $jar ]]; then
  mvn -B -q package -DskipTests
fi

tmp=$(mktemp -d "${BENCH_TMP:-/tmp}/odw-qido-scale.XXXXXX")
server=
cleanup() {
  local rc=$?
  if [[ -n $server ]]; then
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$server" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$server" 2>/dev/null || true
  fi
  if ((!keep_schema)); then
    psql -q -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql_at() { psql -X -q -At -v ON_ERROR_STOP=1 -c "set search_path = $schema, public" -c "$1"; }

start_server() {
  local log=$1
  DICOMWEB_DATABASE=postgresql \
  DICOMWEB_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$schema" \
  DICOMWEB_DB_USER=$PGUSER \
  DICOMWEB_STORAGE_PATH=$tmp/storage \
  QUARKUS_FLYWAY_POSTGRESQL_SCHEMAS=$schema \
  DICOMWEB_QIDO_EXTENDED_TAGS=study:InstitutionName,instance:ContentDate \
  QUARKUS_HTTP_PORT=$port \
  setsid "$JAVA" -Dquarkus.log.category.\"org.opendicomweb.qido.sql\".level=DEBUG -jar "$jar" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 480); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { tail -20 "$log" >&2; return 1; }
    sleep 0.25
  done
  echo "qido-scale.sh: the server did not become ready" >&2
  tail -20 "$log" >&2
  return 1
}

stop_server() {
  kill -TERM -- "-$server" 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 "$server" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$server" 2>/dev/null || true
  server=
}

# The viewer's requests (bench/README.md, "QIDO-RS at scale"); each line: name, path and query with
# {placeholders} filled from a sample file of the same name.
ohif='limit=101&offset=0&fuzzymatching=false&includefield=00081030%2C00080060%2C00080090%2C00100030'
queries=(
  "study-list|/studies?$ohif"
  "patient-name|/studies?$ohif&PatientName=*{1}*"
  "patient-id|/studies?$ohif&00100020={1}"
  "study-date|/studies?$ohif&StudyDate={1}"
  "accession|/studies?$ohif&AccessionNumber={1}"
  "modality|/studies?$ohif&ModalitiesInStudy={1}"
  "series-of-study|/studies/{1}/series?includefield=00080021%2C00080031%2C0008103E%2C00200011"
  "instances-of-series|/studies/{1}/series/{2}/instances"
  "sop-instance|/instances?SOPInstanceUID={1}"
  "study-date-tz|/studies?$ohif&StudyDate={1}&TimezoneOffsetFromUTC=%2B0900"
  "extended-study|/studies?$ohif&InstitutionName=*{1}*"
  "extended-instance|/instances?limit=101&ContentDate={1}"
  "request-item|/series?RequestAttributesSequence.RequestedProcedureID={1}"
)

samples() {
  local dir=$1
  echo x >"$dir/study-list"
  psql_at "select lower(substr(split_part(patient_name, '^', 1), 2, 3)) from patient order by random() limit $requests" >"$dir/patient-name"
  psql_at "select patient_id from patient order by random() limit $requests" >"$dir/patient-id"
  for _ in $(seq 1 "$requests"); do
    local y=$((2015 + RANDOM % 11)) m=$((1 + RANDOM % 12))
    printf '%d%02d01-%d%02d28\n' "$y" "$m" "$y" "$m"
  done >"$dir/study-date"
  psql_at "select accession_number from study order by random() limit $requests" >"$dir/accession"
  for i in $(seq 1 "$requests"); do
    local all=(CT MR CR DX US PT NM SR)
    echo "${all[$((i % 8))]}"
  done >"$dir/modality"
  psql_at "select study_iuid from study order by random() limit $requests" >"$dir/series-of-study"
  psql_at "select st.study_iuid || '|' || se.series_iuid from series se join study st on st.pk = se.study_fk
           order by random() limit $requests" >"$dir/instances-of-series"
  psql_at "select sop_iuid from instance where pk in (select 1 + floor(random() * (select max(pk) from instance))::bigint
           from generate_series(1, $requests))" >"$dir/sop-instance"
  cp "$dir/study-date" "$dir/study-date-tz"
  for i in $(seq 1 "$requests"); do
    local words=(north south east west central riverside lakeside hilltop valley harbor clinic imaging)
    echo "${words[$((i % 12))]}" | tr a-z A-Z
  done >"$dir/extended-study"
  for _ in $(seq 1 "$requests"); do
    local y=$((2015 + RANDOM % 11)) m=$((1 + RANDOM % 12)) d=$((1 + RANDOM % 28))
    printf '%d%02d%02d\n' "$y" "$m" "$d"
  done >"$dir/extended-instance"
  psql_at "select 'RP' || pk from study order by random() limit $requests" >"$dir/request-item"
}

url_for() {
  local template=$1 line=$2
  local one=${line%%|*} two=${line#*|}
  template=${template//\{1\}/$one}
  echo "${template//\{2\}/$two}"
}

percentile() { # p (0-100) of the numbers on stdin, nearest rank
  sort -n | awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "NaN"; exit } r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; print v[r] }'
}

results=$tmp/results.tsv
printf 'instances\tstudies\tseries\tquery\tp50_ms\tp95_ms\tmean_results\n' >"$results"
IFS=, read -r -a scale_words <<<"$scales"
scale_list=()
for word in "${scale_words[@]}"; do
  case ${word,,} in
    *[!0-9km]* | '' | [km]*) echo "qido-scale.sh: bad scale $word (an instance count such as 250000, 100k or 10m)" >&2; exit 64 ;;
    *k) scale_list+=("$((${word%[kK]} * 1000))") ;;
    *m) scale_list+=("$((${word%[mM]} * 1000000))") ;;
    *) scale_list+=("$word") ;;
  esac
done
machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(psql -X -At -c 'show server_version') PostgreSQL"
for n in "${scale_list[@]}"; do
  echo "== $n instances"
  if ((reuse_schema)) && [[ $(psql_at "select count(*) from instance" 2>/dev/null) == "$n" ]]; then
    start_server "$tmp/server-$n.log"
    filled='filled by an earlier run'
  else
    # tables and indexes take about 850 bytes per instance (docs/benchmarks-qido.md); the WAL up to max_wal_size more
    data=$(psql -X -At -c 'show data_directory')
    if [[ -d $data ]]; then
      need=$((n * 850 / 1024 * 5 / 4 + 1048576)) free=$(df -Pk "$data" | awk 'NR == 2 { print $4 }')
      ((free > need)) || { echo "qido-scale.sh: $n instances need about $((need / 1048576)) GB free next to $data; $((free / 1048576)) GB are" >&2; exit 1; }
    fi
    psql -X -q -c "drop schema if exists $schema cascade" -c "create schema $schema"
    start_server "$tmp/server-$n.log"
    started=$(date +%s.%N)
    psql -X -q -v instances="$n" -v schema="$schema" -f bench/qido-scale/generate.sql >"$tmp/generate-$n.txt"
    generated=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    filled="generated in $generated s"
  fi
  read -r studies series <<<"$(psql_at "select (select count(*) from study) || ' ' || (select count(*) from series)")"
  echo "   $filled: $studies studies, $series series"
  size=$(psql_at "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c join pg_namespace s
                  on s.oid = c.relnamespace where s.nspname = '$schema' and c.relkind = 'r'")
  dir=$tmp/samples-$n
  mkdir -p "$dir"
  samples "$dir"
  plans=$tmp/plans-$n.md
  printf '\n### %s instances (%s studies, %s series; tables and indexes %s; %s)\n' \
    "$n" "$studies" "$series" "$size" "$filled" >"$plans"
  for q in "${queries[@]}"; do
    name=${q%%|*} template=${q#*|}
    mapfile -t values <"$dir/$name"
    # warm-up: the first requests of a statement pay for class loading and plan caching
    for i in 0 1 2 3 4; do
      curl -s -o /dev/null -H 'Accept: application/dicom+json' "$base$(url_for "$template" "${values[$((i % ${#values[@]}))]}")"
    done
    : >"$tmp/times" ; : >"$tmp/counts"
    for ((i = 0; i < requests; i++)); do
      url=$base$(url_for "$template" "${values[$((i % ${#values[@]}))]}")
      read -r code seconds < <(curl -s -o "$tmp/body" -w '%{http_code} %{time_total}\n' -H 'Accept: application/dicom+json' "$url")
      [[ $code == 200 ]] || { echo "qido-scale.sh: $url answered $code" >&2; cat "$tmp/body" >&2; exit 1; }
      awk -v s="$seconds" 'BEGIN { printf "%.3f\n", s * 1000 }' >>"$tmp/times"
      { grep -o '"00081190"' "$tmp/body" || true; } | wc -l >>"$tmp/counts" # one RetrieveURL per result
    done
    p50=$(percentile 50 <"$tmp/times")
    p95=$(percentile 95 <"$tmp/times")
    mean=$(awk '{ s += $1 } END { printf "%.1f", NR ? s / NR : 0 }' "$tmp/counts")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$studies" "$series" "$name" "$p50" "$p95" "$mean" >>"$results"
    printf '   %-20s p50 %8s ms  p95 %8s ms  results %s\n' "$name" "$p50" "$p95" "$mean"
    # the plan of the page statement the server ran for one of these requests
    marker=$(wc -l <"$tmp/server-$n.log")
    curl -s -o /dev/null -H 'Accept: application/dicom+json' "$base$(url_for "$template" "${values[0]}")"
    sql=$(tail -n +"$((marker + 1))" "$tmp/server-$n.log" | grep -o 'QIDO SQL: .*' | tail -1 | sed 's/^QIDO SQL: //')
    {
      printf '\n#### %s\n\n`GET %s`\n\n```\n' "$name" "$(url_for "$template" "${values[0]}")"
      # as the server's connections run (quarkus.datasource.postgresql.jdbc.new-connection-sql)
      psql -X -q -At -c "set search_path = $schema, public" -c "set random_page_cost = 1.1" \
        -c "explain (analyze, buffers, costs off) $sql"
      printf '```\n'
    } >>"$plans"
  done
  stop_server
done

if ((docs)); then
  mkdir -p docs/bench-runs
  doc=docs/benchmarks-qido.md
  tsv=docs/bench-runs/qido-scale.tsv
  # Scales not run this time keep their rows and plans from the file's previous run; the notes between the
  # markers below are written by hand and kept as they are.
  merged=$tmp/merged.tsv
  {
    head -1 "$results"
    {
      [[ -f $tsv ]] && tail -n +2 "$tsv" | awk -F'\t' -v ran=" ${scale_list[*]} " 'index(ran, " " $1 " ") == 0'
      tail -n +2 "$results"
    } | sort -t$'\t' -k1,1n -s
  } >"$merged"
  plans=$tmp/plans.md
  : >"$plans"
  for n in $(tail -n +2 "$merged" | cut -f1 | uniq); do
    if [[ -f $tmp/plans-$n.md ]]; then
      cat "$tmp/plans-$n.md"
    elif [[ -f $doc ]]; then
      echo
      # without the blank lines that end the section, which the next one brings again
      awk -v n="$n" '/^## Query plans/ { q = 1 } q && /^### / { on = ($2 == n) }
                     q && on { if ($0 == "") blank++; else { for (; blank > 0; blank--) print ""; print } }' "$doc"
    fi
  done >"$plans"
  notes=$tmp/notes.md
  begin='<!-- notes: written by hand, kept by bench/qido-scale.sh -->' end='<!-- end of notes -->'
  if [[ -f $doc ]] && grep -qxF "$begin" "$doc"; then
    awk -v b="$begin" -v e="$end" '$0 == b { on = 1 } on { print } $0 == e { on = 0 }' "$doc" >"$notes"
  else
    printf '%s\n%s\n' "$begin" "$end" >"$notes"
  fi
  cp "$merged" "$tsv"
  results=$merged
  {
    cat <<EOF
# QIDO-RS at scale

Generated by \`bench/qido-scale.sh\` on $(date -u +%Y-%m-%d) ($machine; load average at the end
$(cut -d' ' -f1-3 /proc/loadavg), the machine shared with other work). The index is filled by
\`bench/qido-scale/generate.sql\` (realistic mix of modalities, series and instance counts, names, dates;
see the file) in a schema of its own; the packaged server runs against it with PostgreSQL; one client sends
each query $requests times with different values (after 5 warm-up requests) and takes the time to the last
byte (curl). Raw figures: \`docs/bench-runs/qido-scale.tsv\`. A run of some scales only keeps the figures and
plans of the others from the previous run.

The queries are those a viewer sends (OHIF's study list with its includefield, then a study's series and a
series' instances), an instance by SOPInstanceUID alone, and one query for each kind of key added with them
(timezone-adjusted dates, extended query tags at study and instance level, sequence matching):

| Query | Request |
|---|---|
| study-list | \`/studies?limit=101&offset=0&fuzzymatching=false&includefield=…\` (the first page, no filter) |
| patient-name | the same with \`PatientName=*abc*\` (three letters of a stored family name, as typed) |
| patient-id | the same with \`00100020=<a stored PatientID>\` |
| study-date | the same with \`StudyDate=YYYYMM01-YYYYMM28\` (a random month) |
| accession | the same with \`AccessionNumber=<a stored one>\` |
| modality | the same with \`ModalitiesInStudy=<CT, MR, CR, DX, US, PT, NM or SR>\` |
| series-of-study | \`/studies/{study}/series?includefield=00080021,00080031,0008103E,00200011\` |
| instances-of-series | \`/studies/{study}/series/{series}/instances\` |
| sop-instance | \`/instances?SOPInstanceUID={uid}\` |
| study-date-tz | study-date with \`TimezoneOffsetFromUTC=+0900\` (a third of the studies state an offset) |
| extended-study | the study list with \`InstitutionName=*WORD*\` (an extended query tag at study level; 40 institutions) |
| extended-instance | \`/instances?limit=101&ContentDate=YYYYMMDD\` (an extended query tag at instance level) |
| request-item | \`/series?RequestAttributesSequence.RequestedProcedureID=RP<n>\` (sequence matching) |

## Latency (milliseconds)

| Instances | Studies | Query | p50 | p95 | Results (mean) |
|---|---|---|---|---|---|
EOF
    tail -n +2 "$results" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $4, $5, $6, $7 }'
    cat <<'EOF'

## Sequential scans

Each scale's plans (below) searched for sequential scans, with the table and the rows it returned:

EOF
    awk '/^### / { order[++n] = $2; scale = $2 }
         /^#### / { query = $2 }
         /Seq Scan on/ { match($0, /Seq Scan on [a-z_]+/); table = substr($0, RSTART + 12, RLENGTH - 12)
                         rows = $0; sub(/.*rows=/, "", rows); sub(/ .*/, "", rows); rows = rows " rows"
                         if ($0 ~ /never executed/) rows = "never executed"
                         found[scale] = found[scale] sep[scale] query " (" table ", " rows ")"; sep[scale] = ", " }
         END { for (i = 1; i <= n; i++) { s = order[i]
                 printf "- %s instances: %s\n", s, (s in found) ? found[s] : "none" } }' "$plans"
    cat <<'EOF'

PostgreSQL reads a small table whole where that is cheaper than an index (a few hundred patients or
studies). What matters is the largest scale: no plan there may read the instance or series table, or the
study table beyond the first page. A name search reads the patient table whole while it is small (about
9,000 patients at 1,000,000 instances); with more patients the trigram index (V1_1) is chosen (checked
with 100,000 patients: a bitmap scan of the trigram index).

With PostgreSQL's default `random_page_cost` (4, priced for spinning disks), a name search matching about 170
patients at 1,000,000 instances read the whole study table (18,621 rows, a hash join; 22 ms) instead of
probing `ix_study_patient` for each patient (3 ms). The server sets `random_page_cost = 1.1` on its
connections (`quarkus.datasource.postgresql.jdbc.new-connection-sql`, application.properties), as
PostgreSQL's documentation advises for data in memory or on SSD; the plans below are taken with it.

Indexes this benchmark led to (schema V4, V4_1): `extended_key (tag, owner_pk, key_value)` rather than owner
first, so that a walk in owner order reads one tag's entries only (a rare ContentDate range over 1,000,000
values: 85 ms to 40 ms); a trigram index on `extended_key.key_value` for wildcards of extended query tags
(`InstitutionName=*SOUTH*` at study level: a bitmap AND of the tag and trigram indexes instead of a read of
every value of the tag).

EOF
    echo
    cat "$notes"
    cat <<'EOF'

## Query plans

`EXPLAIN (ANALYZE, BUFFERS)` of the page statement the server ran for the first request of each query, with
its values written in and the server's `random_page_cost` (the server logs each statement so at DEBUG, category `org.opendicomweb.qido.sql`).
The server binds values as parameters; after five runs of a statement PostgreSQL may switch to a generic
plan, which these literal-value plans do not show.
EOF
    cat "$plans"
  } >"$doc"
  echo "wrote $doc and $tsv"
fi
