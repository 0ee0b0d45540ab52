#!/usr/bin/env bash
# Crash test of STOW and DELETE, longer or harder than the test suite's run: the suite's CrashRecoveryIT with
# other figures. Packages the server, then kills it with kill -9 ROUNDS times while CLIENTS upload, and now and
# then delete (DELETE_SHARE of their requests), for about SECONDS each time, on H2 and on PostgreSQL
# (127.0.0.1:5432, database test), and reports per database.
#   bench/crash/run.sh [ROUNDS [CLIENTS [SECONDS [DELETE_SHARE]]]]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
exec mvn -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashRecoveryIT \
  -Dcrash.rounds="${1:-3}" -Dcrash.clients="${2:-4}" -Dcrash.seconds="${3:-4}" \
  -Dcrash.delete-share="${4:-0.3}"
