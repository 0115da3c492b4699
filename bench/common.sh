# Shared by bench/history and bench/steady (sourced, not run): the packaged service on one
# database, its tokens, and the bench's branch and operator. The caller sets DB, PORT, OUT, JAR,
# JWT_SECRET, PIN_KEY, ADMIN_PASSWORD, JAVA_OPTS and SERVICE_LOG. (bench/run has its own, which
# also chooses the JDK and the class-data cache.)

SERVICE_PID=
start_service() { # [service args...]: starts the service and waits until it answers
  env SSCARD_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SSCARD_JWT_SECRET="$JWT_SECRET" SSCARD_PIN_KEY="$PIN_KEY" \
    SSCARD_PIN_KEY_ID=bench SSCARD_BOOTSTRAP_ADMIN_USERNAME=bench-admin SSCARD_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    SSCARD_PORT="$PORT" java $JAVA_OPTS -jar "$JAR" "$@" > "$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "localhost:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -50 "$SERVICE_LOG" >&2; exit 1; }
    sleep 0.5
  done
  echo "the service did not come up" >&2; exit 1
}
stop_service() { kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; }
trap stop_service EXIT
token() { curl -sf -X POST -u "$1:$2" "localhost:$PORT/api/v1/auth/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
post() { curl -sf -o /dev/null -X POST "localhost:$PORT$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3"; }

bench_staff() { # on a new database: the schema (a first start migrates it), the bench hall and its window
  start_service
  local admin
  admin=$(token bench-admin "$ADMIN_PASSWORD")
  post "$admin" /api/v1/admin/branches '{"code":"BENCH-HALL","name":"Bench hall","kind":"SERVICE_HALL","regionCode":"440305"}'
  post "$admin" /api/v1/admin/operators '{"username":"bench.window","password":"bench-password-1","role":"SERVICE_WINDOW","branchCode":"BENCH-HALL"}'
  stop_service
}
