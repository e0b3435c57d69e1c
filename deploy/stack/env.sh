#!/usr/bin/env bash
# Source it: `. deploy/stack/env.sh` — exports the endpoints of the local stack (deploy/stack/start.sh).
# Values already set in the environment win, so an existing installation (MONGODB_URI, KAFKA_BROKERS,
# KEYCLOAK_URL) stays in effect. No `set -euo pipefail` here: this file runs in the caller's shell.
_govhall_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export GOVHALL_CACHE="${GOVHALL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/govhall}"
export GOVHALL_STATE="${GOVHALL_STATE:-$_govhall_env_root/.stack}"
export FERRETDB_PORT="${FERRETDB_PORT:-27017}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-8080}"
export KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9000}"
export MAILPIT_SMTP_PORT="${MAILPIT_SMTP_PORT:-1025}"
export MAILPIT_UI_PORT="${MAILPIT_UI_PORT:-8025}"
export MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:$FERRETDB_PORT}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:$KEYCLOAK_PORT}"
export KEYCLOAK_MANAGEMENT_URL="${KEYCLOAK_MANAGEMENT_URL:-http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT}"
export KEYCLOAK_REALM="${KEYCLOAK_REALM:-govhall}"
# Where services send e-mail (and the local SMS provider's texts): the stack's Mailpit unless set (ADR 0020).
export SMTP_HOST="${SMTP_HOST:-127.0.0.1}"
export SMTP_PORT="${SMTP_PORT:-$MAILPIT_SMTP_PORT}"
# The local mail server's web UI and HTTP API (only meaningful for the stack's own Mailpit).
export MAILPIT_URL="${MAILPIT_URL:-http://127.0.0.1:$MAILPIT_UI_PORT}"
export KEYCLOAK_ISSUER="${KEYCLOAK_ISSUER:-${KEYCLOAK_URL%/}/realms/$KEYCLOAK_REALM}"
export HELM_BIN="${HELM_BIN:-$GOVHALL_CACHE/helm-${HELM_VERSION:-v3.22.0}/helm}"
# grpcurl (the reflection test of every service, docs/department-systems.md)
export GRPCURL_BIN="${GRPCURL_BIN:-$GOVHALL_CACHE/grpcurl-${GRPCURL_VERSION:-v1.9.3}/grpcurl}"
unset _govhall_env_root
