#!/bin/sh
# Runs once, when the postgres-data volume is first initialised (the image runs /docker-entrypoint-initdb.d/*):
# one database per service (names as in packages/contracts databaseNames), each owned by its own login role, so
# that a service reaches its own data only. Passwords come from the container's environment (.env).
# A database added later needs a fresh volume (`docker compose down -v`) or these statements run by hand.
set -e

create_service_database() {
  psql --no-psqlrc --set=ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set=database="$1" --set=role="$2" --set=password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_service_database auth_db auth_service "${AUTH_DB_PASSWORD:?is not set}"
create_service_database order_db order_service "${ORDER_DB_PASSWORD:?is not set}"
create_service_database payment_db payment_service "${PAYMENT_DB_PASSWORD:?is not set}"
create_service_database notification_db notification_service "${NOTIFICATION_DB_PASSWORD:?is not set}"
