# Shared by scripts/backfill and scripts/match-report: options common to both, the admin token, and calls to the
# admin API with the token kept off the command line (ps shows arguments; curl reads the header from stdin).
# shellcheck shell=bash

BCSYNC_URL=${BCSYNC_URL:-http://localhost:8080}
ADMIN_TOKEN=${BCSYNC_ADMIN_TOKEN:-}
SCRIPT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

die() { # $1 = exit status, $2 = message
  echo "$(basename "$0"): $2" >&2
  exit "$1"
}

require_tools() {
  command -v curl >/dev/null || die 2 "curl is required"
  command -v node >/dev/null || die 2 "node (20+) is required"
}

# The token from --token, else BCSYNC_ADMIN_TOKEN, else ./data/admin-token, else the repository's
# data/admin-token (written by scripts/run).
resolve_token() {
  if [ -z "$ADMIN_TOKEN" ]; then
    for file in ./data/admin-token "$SCRIPT_ROOT/data/admin-token"; do
      if [ -s "$file" ]; then
        ADMIN_TOKEN=$(tr -d ' \n' <"$file")
        break
      fi
    done
  fi
  [ -n "$ADMIN_TOKEN" ] || die 2 "no admin token: pass --token, set BCSYNC_ADMIN_TOKEN or create ./data/admin-token"
}

# api METHOD PATH [JSON_BODY]: sets API_STATUS (000 when the server could not be reached) and API_BODY.
api() {
  local method=$1 path=$2 body=${3:-} out
  out=$(mktemp)
  local args=(--silent --show-error --output "$out" --write-out '%{http_code}' --config - -X "$method"
    "${BCSYNC_URL%/}$path")
  if [ -n "$body" ]; then
    args+=(-H 'Content-Type: application/json' --data "$body")
  fi
  API_STATUS=$(printf 'header = "Authorization: Bearer %s"\n' "$ADMIN_TOKEN" | curl "${args[@]}" 2>/dev/null) \
    || API_STATUS=000
  API_BODY=$(cat "$out")
  rm -f "$out"
}

# json EXPRESSION: evaluates a JavaScript expression over the JSON on stdin, bound to `j`; prints the result.
json() {
  node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      let j; try { j = JSON.parse(s); } catch (e) { j = {}; }
      const v = (function () { return eval(process.argv[1]); })();
      if (v !== undefined && v !== null) process.stdout.write(typeof v === "object" ? JSON.stringify(v) : String(v));
    });' "$1"
}

# The error message of an admin API error body, or the status when there is none.
error_message() { # $1 = body
  local message
  message=$(printf '%s' "$1" | json 'j.message')
  printf '%s' "${message:-HTTP $API_STATUS}"
}
