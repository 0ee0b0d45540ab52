#!/usr/bin/env bash
# Starts one Orthanc with the DICOMweb plugin on its own data folder and port.
# Usage: bench/orthanc.sh DATA_DIR HTTP_PORT [SYNC_STORAGE true|false]
# Replaces itself with the Orthanc process (exec), so the caller's PID is the server's PID.
set -euo pipefail
data=$1
port=$2
sync=${3:-true}
plugin=${ORTHANC_DICOMWEB_PLUGIN:-}
if [[ -z $plugin ]]; then
  for candidate in /usr/share/orthanc/plugins/libOrthancDicomWeb.so /usr/lib/orthanc/libOrthancDicomWeb.so*; do
    if [[ -e $candidate ]]; then plugin=$candidate; break; fi
  done
fi
[[ -n $plugin ]] || { echo "orthanc.sh: DICOMweb plugin not found (set ORTHANC_DICOMWEB_PLUGIN)" >&2; exit 1; }
mkdir -p "$data/storage" "$data/index"
cat > "$data/orthanc.json" <<JSON
{
  "Name": "bench-$port",
  "StorageDirectory": "$data/storage",
  "IndexDirectory": "$data/index",
  "StorageCompression": false,
  "SyncStorageArea": $sync,
  "HttpServerEnabled": true,
  "HttpPort": $port,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "KeepAlive": true,
  "TcpNoDelay": true,
  "DicomServerEnabled": false,
  "DicomPort": $((port + 1000)),
  "SaveJobs": false,
  "Plugins": [ "$plugin" ],
  "DicomWeb": {
    "Enable": true,
    "Root": "/dicom-web/",
    "EnableWado": false,
    "Ssl": false
  }
}
JSON
exec /usr/sbin/Orthanc "$data/orthanc.json"
