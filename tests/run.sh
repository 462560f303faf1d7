#!/usr/bin/env bash
# The one test command (also run by .ci/run). On a fresh Debian 12 machine, as root, with no input:
#   1. installs what is missing (chromium, postgresql) with apt-get,
#   2. restores the local dotnet tools (dotnet-ef),
#   3. starts a throw-away PostgreSQL on a free loopback port (stopped and deleted on any exit),
#   4. builds the solution once (Release) and writes the SQL Server idempotent migration script,
#   5. runs every test project (trx per project under artifacts/test-results/<project>/),
# and ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
# Exits non-zero when a test failed, the script step failed, or no test ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
SQLSERVER_SCRIPT="$ARTIFACTS/sqlserver-idempotent.sql"
CONFIGURATION=Release

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PASSED=0
FAILED=0
SKIPPED=0
SUMMARY_PRINTED=""
PG_TMP=""
PG_DATA=""
PG_BIN=""

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

summary_line() {
  local line="$PASSED passed, $FAILED failed"
  if ((SKIPPED > 0)); then
    line+=", $SKIPPED skipped"
  fi
  printf '%s\n' "$line"
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user (from /, which that user can read).
as_postgres() {
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

stop_postgres() {
  if [[ -n "$PG_DATA" && -n "$PG_BIN" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
    rm -rf "$PG_TMP"
  fi
}

on_exit() {
  local rc=$?
  trap - EXIT
  stop_postgres
  if [[ -z "$SUMMARY_PRINTED" ]]; then
    # Stopped before the tests finished: still end with the totals line, and fail.
    printf 'run.sh: stopped early (exit code %s)\n' "$rc" >&2
    summary_line
    ((rc != 0)) || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. System packages ---------------------------------------------------------------------------
postgres_bin_dir() {
  # The newest installed server version.
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    printf '%s\n' "$dir"
  fi
}

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -n "$(postgres_bin_dir)" ]] || missing+=(postgresql)
if ((${#missing[@]} > 0)); then
  step "Installing missing packages: ${missing[*]}"
  ((EUID == 0)) || fail "installing ${missing[*]} needs root (apt-get); run as root or install them first"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is still missing after installation"
PG_BIN="$(postgres_bin_dir)"
[[ -n "$PG_BIN" ]] || fail "PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are still missing after installation"
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH; see global.json for the version"
if ((EUID == 0)); then
  command -v runuser >/dev/null || fail "runuser (util-linux) is needed to run PostgreSQL as the postgres user"
  id postgres >/dev/null 2>&1 || fail "the 'postgres' system user does not exist (it comes with the postgresql package)"
fi

# --- 2. Local tools -------------------------------------------------------------------------------
step "Restoring local dotnet tools"
dotnet tool restore

# --- 3. Throw-away PostgreSQL ---------------------------------------------------------------------
port_is_free() {
  # Nothing accepts a connection on it (bash's /dev/tcp; no python needed).
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

step "Starting a throw-away PostgreSQL ($PG_BIN)"
PG_TMP="$(mktemp -d /tmp/portal-pg.XXXXXX)"
PG_DATA="$PG_TMP/data"
PG_SOCKET="$PG_TMP/socket"
mkdir -p "$PG_DATA" "$PG_SOCKET"
chmod 700 "$PG_TMP" "$PG_DATA"
if ((EUID == 0)); then
  chown -R postgres:postgres "$PG_TMP"
fi
as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --no-instructions >"$PG_TMP/initdb.log" 2>&1 \
  || { cat "$PG_TMP/initdb.log" >&2; fail "initdb failed"; }

PG_PORT=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 40000))
  port_is_free "$candidate" || continue
  if as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 60 \
      -o "-p $candidate -k $PG_SOCKET -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null 2>&1; then
    PG_PORT="$candidate"
    break
  fi
done
if [[ -z "$PG_PORT" ]]; then
  cat "$PG_TMP/server.log" >&2 2>/dev/null || true
  fail "could not start PostgreSQL on a free loopback port"
fi
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$PG_PORT (data in $PG_DATA)"

# --- 4. Build once, then the SQL Server idempotent script -----------------------------------------
step "Building DisclosurePortal.sln ($CONFIGURATION)"
dotnet build DisclosurePortal.sln -c "$CONFIGURATION"

SCRIPT_OK=1
step "Generating the SQL Server idempotent migration script"
mkdir -p "$ARTIFACTS"
rm -f "$SQLSERVER_SCRIPT"
# Note: for `dotnet ef`, -c means --context; the build configuration is --configuration.
if dotnet ef migrations script --idempotent --no-build --configuration "$CONFIGURATION" \
    --project migrations/DisclosurePortal.Migrations.SqlServer \
    --startup-project migrations/DisclosurePortal.Migrations.SqlServer \
    -o "$SQLSERVER_SCRIPT"; then
  if [[ -s "$SQLSERVER_SCRIPT" ]]; then
    echo "Wrote $SQLSERVER_SCRIPT ($(wc -l <"$SQLSERVER_SCRIPT") lines)"
  else
    SCRIPT_OK=0
    echo "run.sh: the SQL Server idempotent script is missing or empty" >&2
  fi
else
  SCRIPT_OK=0
  echo "run.sh: dotnet ef migrations script failed" >&2
fi

# --- 5. Tests -------------------------------------------------------------------------------------
step "Running tests"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
TEST_RC=0
# PortalTestResultsDirectory (tests/Directory.Build.props) gives every test project its own results
# folder, so each trx file belongs to exactly one project and none overwrites another.
dotnet test DisclosurePortal.sln -c "$CONFIGURATION" --no-build \
  -p:PortalTestResultsDirectory="$RESULTS" \
  --logger "trx;LogFileName=results.trx" || TEST_RC=$?

# Totals from every trx file's <Counters .../> element (attributes in any order).
counter() {
  # $1 = attribute name, $2 = file; prints the number or 0.
  local value
  value="$(grep -o '<Counters [^>]*>' "$2" | head -n 1 | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)"
  printf '%s\n' "${value:-0}"
}

shopt -s nullglob globstar
trx_files=("$RESULTS"/**/*.trx)
shopt -u globstar
if ((${#trx_files[@]} == 0)); then
  echo "run.sh: no trx result files were written under $RESULTS" >&2
fi
echo
printf '%-40s %7s %7s %7s %7s\n' "Test results" total passed failed skipped
for trx in "${trx_files[@]}"; do
  total="$(counter total "$trx")"
  executed="$(counter executed "$trx")"
  passed="$(counter passed "$trx")"
  failed=$(($(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  # xunit's skipped tests are in the total but not executed.
  skipped=$((total - executed))
  ((skipped >= 0)) || skipped=0
  project="$(basename "$(dirname "$trx")")"
  printf '%-40s %7s %7s %7s %7s\n' "$project" "$total" "$passed" "$failed" "$skipped"
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SKIPPED=$((SKIPPED + skipped))
done
echo

RC=0
if ((TEST_RC != 0)); then
  echo "run.sh: dotnet test exited with code $TEST_RC" >&2
  RC=1
  # A crashed run can leave no failed count behind; never report a clean result for it.
  ((FAILED > 0)) || FAILED=1
fi
if ((FAILED > 0)); then
  RC=1
fi
if ((PASSED + FAILED == 0)); then
  echo "run.sh: no tests ran" >&2
  RC=1
fi
if ((SCRIPT_OK == 0)); then
  echo "run.sh: the SQL Server idempotent script step failed" >&2
  RC=1
fi

stop_postgres
SUMMARY_PRINTED=1
summary_line
exit "$RC"
