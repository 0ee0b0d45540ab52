#!/usr/bin/env bash
# A small cluster on one machine, without containers, for tests and demos: PostgreSQL, an S3 server (S3Proxy on a
# folder), server nodes from the packaged jar, nginx in front. Loopback only. See deploy/local-cluster/README.md.
#
#   deploy/local-cluster/run.sh [start] [--nodes 2] [--storage s3|filesystem] [--work DIR] [--detach] [options]
#   deploy/local-cluster/run.sh stop [--work DIR]
#
# Without --detach it stays in the foreground and Ctrl-C stops everything it started; with --detach it returns once
# every part is ready, and `run.sh stop` with the same --work stops them.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
usage() { sed -n '2,9p' "$0"; echo "Options: see deploy/local-cluster/README.md"; }

command=start
case ${1:-} in start|stop) command=$1; shift ;; esac
work=$repo/target/local-cluster
nodes=2
storage=s3
detach=0
balancer=1
app=$repo/target/quarkus-app
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java_opts="-Xmx1g"
db_url=
db_user=postgres
db_password=
db_name=dicomweb
bucket=dicomweb
port_lb= port_node= port_pg= port_s3=
port_base=${LOCAL_CLUSTER_PORT_BASE:-18400}
node_env=()
while (($#)); do
  case $1 in
    --work) work=$2; shift ;;
    --nodes) nodes=$2; shift ;;
    --storage) storage=$2; shift ;;
    --detach) detach=1 ;;
    --no-balancer) balancer=0 ;;
    --app) app=$2; shift ;;
    --java-home) java_home=$2; shift ;;
    --java-opts) java_opts=$2; shift ;;
    --db-url) db_url=$2; shift ;;
    --db-user) db_user=$2; shift ;;
    --db-password) db_password=$2; shift ;;
    --db-name) db_name=$2; shift ;;
    --bucket) bucket=$2; shift ;;
    --port) port_lb=$2; shift ;;
    --node-port) port_node=$2; shift ;;
    --pg-port) port_pg=$2; shift ;;
    --s3-port) port_s3=$2; shift ;;
    --port-base) port_base=$2; shift ;;
    --env) node_env+=("$2"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 64 ;;
  esac
  shift
done
[[ $nodes =~ ^[1-9]$ ]] || { echo "run.sh: --nodes must be 1 to 9" >&2; exit 64; }
[[ $storage == s3 || $storage == filesystem ]] || { echo "run.sh: --storage must be s3 or filesystem" >&2; exit 64; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
pid_file=$work/pids

# Stops what pid_file lists, last started first: each entry leads its own session (setsid), so its whole process
# group goes. PostgreSQL gets SIGINT (fast shutdown: it ends its sessions rather than waiting for clients).
stop_all() {
  [[ -f $pid_file ]] || return 0
  local name pid entries=()
  mapfile -t entries < <(tac "$pid_file")
  for entry in "${entries[@]}"; do
    read -r name pid <<<"$entry"
    if [[ $name == postgresql ]]; then kill -INT "$pid" 2>/dev/null || true; else kill -TERM -- "-$pid" 2>/dev/null || true; fi
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -f "$pid_file"
  echo "stopped the local cluster in $work"
}

if [[ $command == stop ]]; then
  stop_all
  exit 0
fi

if [[ -f $pid_file ]]; then
  while read -r name pid; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: a local cluster already runs in $work ($name, pid $pid): run.sh stop --work $work" >&2
      exit 1
    fi
  done <"$pid_file"
fi
java=$java_home/bin/java
[[ -x $java ]] || { echo "run.sh: no $java (set JAVA_HOME or --java-home)" >&2; exit 1; }
[[ -f $app/quarkus-run.jar ]] || { echo "run.sh: no $app/quarkus-run.jar: run mvn -B package -DskipTests first" >&2; exit 1; }
command -v curl >/dev/null || { echo "run.sh: curl is required" >&2; exit 1; }
if ((balancer)); then command -v nginx >/dev/null || { echo "run.sh: nginx is required (Debian package nginx-light), or --no-balancer" >&2; exit 1; }; fi

# A fresh start: the folder's earlier data goes (only a folder this script made, marked by .local-cluster).
if [[ -n $(ls -A "$work") && ! -f $work/.local-cluster ]]; then
  echo "run.sh: $work is not empty and not a local-cluster folder; choose another --work" >&2; exit 1
fi
find "$work" -mindepth 1 -delete
touch "$work/.local-cluster"
: >"$pid_file"
if ((!detach)); then
  trap 'rc=$?; stop_all; exit $rc' EXIT
  trap 'exit 130' INT TERM
else
  # Started detached: a failure before everything is ready still stops what was started.
  trap 'rc=$?; ((rc == 0)) || stop_all; exit $rc' EXIT
fi

# Ports: a given one (checked), or the first free one from port_base on that this run has not handed out yet (a
# node does not listen before it has started). Sets $port; no subshell, so that $taken keeps what was handed out.
taken=()
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() { # [given]
  if [[ -n ${1:-} ]]; then
    port_free "$1" || { echo "run.sh: port $1 is in use" >&2; exit 1; }
    port=$1; taken+=("$port"); return 0
  fi
  port=$port_base
  while ((port < port_base + 500)); do
    if [[ " ${taken[*]:-} " != *" $port "* ]] && port_free "$port"; then taken+=("$port"); return 0; fi
    port=$((port + 1))
  done
  echo "run.sh: no free port from $port_base on" >&2; exit 1
}

started() { echo "$1 $2" >>"$pid_file"; }

wait_ready() { # name url pid log [seconds]
  local limit=${5:-180}
  for _ in $(seq 1 $((limit * 2))); do
    kill -0 "$3" 2>/dev/null || { echo "run.sh: $1 exited during start-up; its log ($4):" >&2; tail -20 "$4" >&2; return 1; }
    curl -sf -o /dev/null --max-time 5 "$2" && return 0
    sleep 0.5
  done
  echo "run.sh: $1 not ready after $limit s ($2); its log: $4" >&2; return 1
}

# ---------------------------------------------------------------- PostgreSQL
if [[ -z $db_url ]]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x $pg_bin/initdb ]] || { echo "run.sh: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (or give --db-url)" >&2; exit 1; }
  pick_port "$port_pg"
  port_pg=$port
  as_pg=()
  # PostgreSQL refuses to run as root: then it runs as the postgres user, which owns its folder (setpriv execs,
  # so the recorded PID is the postmaster's).
  if ((EUID == 0)); then as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
  mkdir -p "$work/postgresql"
  if ((EUID == 0)); then
    chown postgres: "$work/postgresql"
    "${as_pg[@]}" test -x "$work/postgresql" \
      || { echo "run.sh: user postgres cannot reach $work (a folder on the way is closed to others): choose another --work" >&2; exit 1; }
  fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$work/postgresql/data" -U postgres --auth=trust -E UTF8 --no-sync \
    >"$work/postgresql/initdb.log" 2>&1 || { echo "run.sh: initdb failed:" >&2; tail -5 "$work/postgresql/initdb.log" >&2; exit 1; }
  # Trust, on loopback and on this folder's socket only.
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$work/postgresql/data/pg_hba.conf"
  setsid "${as_pg[@]}" "$pg_bin/postgres" -D "$work/postgresql/data" -h 127.0.0.1 -p "$port_pg" \
    -k "$work/postgresql" >"$work/postgresql/postgresql.log" 2>&1 &
  pg_pid=$!
  started postgresql "$pg_pid"
  for _ in $(seq 1 120); do
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port_pg" && break
    kill -0 "$pg_pid" 2>/dev/null || { echo "run.sh: PostgreSQL exited:" >&2; tail -5 "$work/postgresql/postgresql.log" >&2; exit 1; }
    sleep 0.5
  done
  "$pg_bin/psql" -q -h 127.0.0.1 -p "$port_pg" -U postgres -d postgres -c "CREATE DATABASE $db_name" >/dev/null
  db_url=jdbc:postgresql://127.0.0.1:$port_pg/$db_name
  db_user=postgres
  db_password=
fi

# ---------------------------------------------------------------- S3 (S3Proxy over a folder)
s3_env=()
if [[ $storage == s3 ]]; then
  pick_port "$port_s3"
  port_s3=$port
  mkdir -p "$work/s3/data/$bucket"
  # S3Proxy's own class path, resolved from the version the build's tests use (offline when the local Maven
  # repository has it, as after any build with tests).
  version=$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' "$repo/pom.xml")
  cat >"$work/s3/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>local-cluster-s3</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.gaul</groupId><artifactId>s3proxy</artifactId><version>$version</version>
      <exclusions><exclusion><groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId></exclusion></exclusions>
    </dependency>
  </dependencies>
</project>
POM
  cache=$repo/target/local-cluster-s3proxy-$version.classpath
  if [[ ! -s $cache ]]; then
    command -v mvn >/dev/null || { echo "run.sh: mvn is required to find S3Proxy's class path" >&2; exit 1; }
    # Written aside and moved into place: clusters started side by side may resolve it at the same time.
    mvn -B -q -o -f "$work/s3/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/s3/classpath" >"$work/s3/mvn.log" 2>&1 \
      || mvn -B -q -f "$work/s3/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/s3/classpath" >>"$work/s3/mvn.log" 2>&1 \
      || { echo "run.sh: could not resolve S3Proxy $version:" >&2; tail -5 "$work/s3/mvn.log" >&2; exit 1; }
    mkdir -p "$(dirname "$cache")"
    mv "$work/s3/classpath" "$cache"
  fi
  s3_key=local-cluster
  s3_secret=local-cluster-secret
  cat >"$work/s3/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port_s3
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$s3_key
s3proxy.credential=$s3_secret
jclouds.provider=filesystem
jclouds.identity=$s3_key
jclouds.credential=$s3_secret
jclouds.filesystem.basedir=$work/s3/data
PROPS
  setsid "$java" -Xmx512m -cp "$(cat "$cache")" org.gaul.s3proxy.Main --properties "$work/s3/s3proxy.properties" \
    >"$work/s3/s3proxy.log" 2>&1 &
  s3_pid=$!
  started s3proxy "$s3_pid"
  # Any HTTP answer (an anonymous request gets 403) means it listens.
  for _ in $(seq 1 120); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port_s3/" || true) != 000 ]] && break
    kill -0 "$s3_pid" 2>/dev/null || { echo "run.sh: S3Proxy exited:" >&2; tail -20 "$work/s3/s3proxy.log" >&2; exit 1; }
    sleep 0.5
  done
  s3_env=(DICOMWEB_STORAGE_TYPE=s3 DICOMWEB_STORAGE_S3_BUCKET="$bucket"
    DICOMWEB_STORAGE_S3_ENDPOINT="http://127.0.0.1:$port_s3" DICOMWEB_STORAGE_S3_PATH_STYLE=true
    DICOMWEB_STORAGE_S3_REGION=us-east-1 AWS_ACCESS_KEY_ID="$s3_key" AWS_SECRET_ACCESS_KEY="$s3_secret")
fi

# ---------------------------------------------------------------- server nodes
node_urls=()
node_pids=()
for n in $(seq 1 "$nodes"); do
  if [[ -n $port_node ]]; then pick_port $((port_node + n - 1)); else pick_port; fi
  mkdir -p "$work/node$n"
  # With S3 the storage path holds only in-progress STOW bulk data; with a file system all nodes share one root
  # (each stages in a folder of its own). Every node writes an audit file of its own.
  if [[ $storage == s3 ]]; then storage_path=$work/node$n/storage; else storage_path=$work/storage; fi
  setsid env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    DICOMWEB_DATABASE=postgresql DICOMWEB_DB_URL="$db_url" DICOMWEB_DB_USER="$db_user" DICOMWEB_DB_PASSWORD="$db_password" \
    DICOMWEB_STORAGE_PATH="$storage_path" DICOMWEB_AUDIT_FILE="$work/node$n/audit.log" \
    "${s3_env[@]}" "${node_env[@]}" \
    "$java" $java_opts -jar "$app/quarkus-run.jar" >"$work/node$n/server.log" 2>&1 &
  node_pids+=($!)
  started "node$n" "$!"
  node_urls+=("http://127.0.0.1:$port")
done
for n in $(seq 1 "$nodes"); do
  wait_ready "node$n" "${node_urls[n - 1]}/q/health/ready" "${node_pids[n - 1]}" "$work/node$n/server.log"
done

# ---------------------------------------------------------------- nginx
url=${node_urls[0]}
if ((balancer)); then
  pick_port "$port_lb"
  port_lb=$port
  mkdir -p "$work/nginx"
  upstream=
  for u in "${node_urls[@]}"; do upstream+="    server ${u#http://};"$'\n'; done
  {
    echo "daemon off;"
    ((EUID != 0)) || echo "user root;"
    cat <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  upstream dicomweb {
$upstream    keepalive 16;
  }
  server {
    listen 127.0.0.1:$port_lb;
    # STOW-RS bodies can be large: the server has its own limit; stream both ways, never spool.
    client_max_body_size 0;
    location / {
      proxy_pass http://dicomweb;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  } >"$work/nginx/nginx.conf"
  setsid nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx/nginx.log" 2>&1 &
  started nginx "$!"
  wait_ready nginx "http://127.0.0.1:$port_lb/q/health/ready" "$!" "$work/nginx/error.log" 30
  url=http://127.0.0.1:$port_lb
fi

# What scripts read: the URLs and the processes.
{
  echo "LOCAL_CLUSTER_URL=$url"
  echo "LOCAL_CLUSTER_NODES=${node_urls[*]}"
  echo "LOCAL_CLUSTER_DB_URL=$db_url"
  [[ $storage != s3 ]] || echo "LOCAL_CLUSTER_S3=http://127.0.0.1:$port_s3/$bucket"
} >"$work/urls.env"
echo "local cluster ready ($nodes node(s), storage $storage), work folder $work"
echo "  DICOMweb:   $url/dicom-web"
for n in $(seq 1 "$nodes"); do echo "  node$n:      ${node_urls[n - 1]} (pid ${node_pids[n - 1]}, log $work/node$n/server.log)"; done
echo "  PostgreSQL: $db_url"
[[ $storage != s3 ]] || echo "  S3:         http://127.0.0.1:$port_s3, bucket $bucket (S3Proxy over $work/s3/data)"
echo "  processes:  $pid_file"
if ((detach)); then
  echo "stop with: $0 stop --work $work"
  exit 0
fi
echo "Ctrl-C stops everything"
# Until interrupted, or until a part exits on its own.
while true; do
  while read -r name pid; do
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $name (pid $pid) exited; stopping the rest" >&2; exit 1; }
  done <"$pid_file"
  sleep 2
done
