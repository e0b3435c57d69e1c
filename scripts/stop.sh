#!/usr/bin/env bash
# `pnpm stop`: stops the services and the gateway, then the local stack.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash deploy/services.sh stop
bash deploy/stack/stop.sh all
