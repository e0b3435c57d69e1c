#!/usr/bin/env bash
# Downloads/builds the local stack tools into the cache ($GOVHALL_CACHE/<tool>-<version>). Idempotent.
# Usage: deploy/stack/provision.sh [postgres|kafka|keycloak|ferretdb|mailpit|helm|grpcurl|fonts|schemathesis|chromium|all]...
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

need_cmd() { command -v "$1" >/dev/null 2>&1 || die "$2"; }

# Runs Maven quietly; on failure shows the tail of its output and dies with one clear line.
run_mvn() {
  local what="$1" out; shift
  need_cmd mvn "Maven (mvn) is not installed — needed to download $what from Maven Central"
  out="$(mktemp)"
  if ! mvn -B -q "$@" >"$out" 2>&1; then
    tail -n 15 "$out" >&2
    rm -f "$out"
    die "download of $what from Maven Central failed (see Maven output above)"
  fi
  rm -f "$out"
}

provision_kafka() {
  if [ -f "$KAFKA_HOME/.complete" ]; then log "kafka $KAFKA_VERSION already provisioned in $KAFKA_HOME"; return 0; fi
  find_java 17 >/dev/null || die "kafka $KAFKA_VERSION needs Java >= 17 and none was found (JAVA_HOME, /usr/lib/jvm, PATH)"
  log "provisioning kafka $KAFKA_VERSION (+ log4j $LOG4J_VERSION) from Maven Central into $KAFKA_HOME"
  local tmp; tmp="$(mktemp -d "$GOVHALL_CACHE/.kafka-XXXXXX")"
  cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>govhall.local</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
    <!-- kafka declares slf4j-api 1.7.36, which cannot see the slf4j2 binding: use the 2.x API (backwards compatible). -->
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>$SLF4J_VERSION</version></dependency>
  </dependencies>
</project>
POM
  run_mvn "kafka $KAFKA_VERSION" -f "$tmp/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp/libs"
  # Kafka ships its own log4j binding choice; drop any other slf4j binding that came transitively.
  rm -f "$tmp"/libs/slf4j-reload4j-*.jar "$tmp"/libs/slf4j-log4j12-*.jar "$tmp"/libs/log4j-1.*.jar
  mkdir -p "$tmp/config"
  cat >"$tmp/config/log4j2.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- The log file is passed by start.sh as -Dgovhall.kafka.log=<state>/logs/kafka.log -->
<Configuration status="WARN">
  <Appenders>
    <File name="file" fileName="${sys:govhall.kafka.log}" append="true">
      <PatternLayout pattern="[%d] %p %m (%c{1})%n"/>
    </File>
  </Appenders>
  <Loggers>
    <Logger name="kafka" level="INFO"/>
    <Logger name="org.apache.kafka" level="INFO"/>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="kafka.controller" level="INFO"/>
    <Logger name="kafka.log.LogCleaner" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.authorizer.logger" level="WARN"/>
    <Logger name="org.apache.kafka.clients" level="WARN"/>
    <Logger name="org.apache.kafka.common.config" level="WARN"/>
    <Logger name="org.apache.kafka.common.metrics" level="WARN"/>
    <Logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
    <Root level="INFO"><AppenderRef ref="file"/></Root>
  </Loggers>
</Configuration>
XML
  cat >"$tmp/config/log4j2-tools.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders><Console name="err" target="SYSTEM_ERR"><PatternLayout pattern="%p %m%n"/></Console></Appenders>
  <Loggers><Root level="WARN"><AppenderRef ref="err"/></Root></Loggers>
</Configuration>
XML
  rm -f "$tmp/pom.xml"
  touch "$tmp/.complete"
  rm -rf "$KAFKA_HOME" && mv "$tmp" "$KAFKA_HOME"
  log "kafka $KAFKA_VERSION provisioned ($(find "$KAFKA_HOME/libs" -name '*.jar' | wc -l) jars)"
}

provision_keycloak() {
  if [ -f "$KEYCLOAK_HOME/.complete" ]; then log "keycloak $KEYCLOAK_VERSION already provisioned in $KEYCLOAK_HOME"; return 0; fi
  need_cmd unzip "unzip is not installed — needed to unpack keycloak (apt-get install unzip)"
  find_java 17 >/dev/null || die "keycloak $KEYCLOAK_VERSION needs Java >= 17 (21+ preferred) and none was found"
  log "provisioning keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist:zip) from Maven Central into $KEYCLOAK_HOME"
  local tmp; tmp="$(mktemp -d "$GOVHALL_CACHE/.keycloak-XXXXXX")"
  run_mvn "keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip)" \
    dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$tmp" -Dmdep.useBaseVersion=true
  unzip -q "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$tmp/x" || die "could not unzip the keycloak $KEYCLOAK_VERSION distribution"
  local dist; dist="$(find "$tmp/x" -mindepth 1 -maxdepth 1 -type d | head -n1)"
  [ -x "$dist/bin/kc.sh" ] || die "keycloak $KEYCLOAK_VERSION zip has no bin/kc.sh"
  touch "$dist/.complete"
  rm -rf "$KEYCLOAK_HOME" && mv "$dist" "$KEYCLOAK_HOME" && rm -rf "$tmp"
  log "keycloak $KEYCLOAK_VERSION provisioned"
}

provision_ferretdb() {
  if [ -x "$FERRETDB_BIN" ]; then log "ferretdb $FERRETDB_VERSION already built at $FERRETDB_BIN"; return 0; fi
  need_cmd go "Go is not installed — needed to build ferretdb $FERRETDB_VERSION"
  log "building ferretdb $FERRETDB_VERSION from the Go module proxy into $FERRETDB_HOME"
  local tmp json moddir
  tmp="$(mktemp -d "$GOVHALL_CACHE/.ferretdb-XXXXXX")"
  json="$(cd "$tmp" && GOFLAGS='' go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>&1)" \
    || { printf '%s\n' "$json" >&2; die "download of github.com/FerretDB/FerretDB@$FERRETDB_VERSION from the Go module proxy failed"; }
  moddir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n1)"
  if [ -z "$moddir" ] || [ ! -d "$moddir" ]; then
    die "go mod download did not report a module directory for FerretDB $FERRETDB_VERSION"
  fi
  cp -R "$moddir" "$tmp/src"
  chmod -R u+w "$tmp/src"
  # `go install` builds lack build/version/version.txt and the binary panics at start (FerretDB issue 2982).
  printf '%s\n' "$FERRETDB_VERSION" >"$tmp/src/build/version/version.txt"
  (cd "$tmp/src" && GOFLAGS=-mod=mod go build -trimpath -o "$tmp/ferretdb" ./cmd/ferretdb) \
    || die "go build of ferretdb $FERRETDB_VERSION failed (see the Go output above)"
  mkdir -p "$FERRETDB_HOME"
  mv "$tmp/ferretdb" "$FERRETDB_BIN"
  rm -rf "$tmp"
  "$FERRETDB_BIN" --version >/dev/null 2>&1 || die "the built ferretdb binary does not run ($FERRETDB_BIN --version)"
  log "ferretdb $FERRETDB_VERSION built"
}

# Mailpit (github.com/axllent/mailpit, MIT): `go install` gives a binary without its web UI (the module holds the UI
# sources, not the built assets that server/ui/dist embeds), so it is built the way its Dockerfile does: the UI
# with esbuild from npm, then `go build`. Mailpit's package-lock pins versions this npm registry does not hold
# (sass-embedded 1.108.1, rapidoc 12), so the lock is dropped and rapidoc is pinned to MAILPIT_RAPIDOC_VERSION
# (only the API-docs page uses it). ADR 0020.
provision_mailpit() {
  if [ -x "$MAILPIT_BIN" ]; then log "mailpit $MAILPIT_VERSION already built at $MAILPIT_BIN"; return 0; fi
  need_cmd go "Go is not installed — needed to build mailpit $MAILPIT_VERSION"
  need_cmd npm "npm is not installed — needed to build mailpit's web UI"
  need_cmd node "node is not installed — needed to build mailpit's web UI (. deploy/bootstrap.sh)"
  log "building mailpit $MAILPIT_VERSION (web UI from npm, server from the Go module proxy) into $MAILPIT_HOME"
  local tmp json moddir out
  tmp="$(mktemp -d "$GOVHALL_CACHE/.mailpit-XXXXXX")"
  out="$tmp/build.log"
  json="$(cd "$tmp" && GOFLAGS='' go mod download -json "github.com/axllent/mailpit@$MAILPIT_VERSION" 2>&1)" \
    || { printf '%s\n' "$json" >&2; die "download of github.com/axllent/mailpit@$MAILPIT_VERSION from the Go module proxy failed"; }
  moddir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n1)"
  [ -n "$moddir" ] && [ -d "$moddir" ] || die "go mod download did not report a module directory for mailpit $MAILPIT_VERSION"
  cp -R "$moddir" "$tmp/src"
  chmod -R u+w "$tmp/src"
  if ! (cd "$tmp/src" && rm -f package-lock.json &&
    npm pkg set "dependencies.rapidoc=$MAILPIT_RAPIDOC_VERSION" &&
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error &&
    MINIFY=true node esbuild.config.mjs) >"$out" 2>&1 || [ ! -f "$tmp/src/server/ui/dist/app.js" ]; then
    tail -n 20 "$out" >&2; rm -rf "$tmp"; die "building mailpit's web UI failed (npm install / esbuild, output above)"
  fi
  if ! (cd "$tmp/src" && GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION" -o "$tmp/mailpit" .) >"$out" 2>&1; then
    tail -n 20 "$out" >&2; rm -rf "$tmp"; die "go build of mailpit $MAILPIT_VERSION failed (output above)"
  fi
  mkdir -p "$MAILPIT_HOME"
  mv "$tmp/mailpit" "$MAILPIT_BIN"
  rm -rf "$tmp"
  "$MAILPIT_BIN" version --no-release-check >/dev/null 2>&1 || die "the built mailpit binary does not run ($MAILPIT_BIN version)"
  log "mailpit $MAILPIT_VERSION built"
}

# PostgreSQL server from Debian's packages (FerretDB's backend). Root installs it; anyone else is told how.
provision_postgres() {
  if postgres_bin_dir >/dev/null && id postgres >/dev/null 2>&1; then
    log "postgres already installed ($(postgres_bin_dir))"; return 0
  fi
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and this is not root: run 'apt-get install postgresql' (Debian 12: PostgreSQL 15)"
  log "installing PostgreSQL from Debian's packages (apt-get install postgresql)"
  local out; out="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >"$out" 2>&1; then
    tail -n 15 "$out" >&2; rm -f "$out"; die "apt-get install postgresql failed (see above)"
  fi
  rm -f "$out"
  # The package may start its own cluster on 5432; the stack runs a private one, so stop that one.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h 2>/dev/null | while read -r ver name _rest; do pg_ctlcluster "$ver" "$name" stop >/dev/null 2>&1 || true; done
  fi
  postgres_bin_dir >/dev/null || die "apt-get installed postgresql but no server binaries were found under /usr/lib/postgresql"
  log "postgres installed ($(postgres_bin_dir))"
}

provision_helm() {
  if [ -x "$HELM_HOME/helm" ]; then log "helm $HELM_VERSION already built at $HELM_HOME/helm"; return 0; fi
  need_cmd go "Go is not installed — needed to build helm $HELM_VERSION"
  log "building helm $HELM_VERSION with go install into $HELM_HOME"
  mkdir -p "$HELM_HOME"
  local out; out="$(mktemp)"
  local ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  if ! GOFLAGS='' GOBIN="$HELM_HOME" go install -trimpath -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >"$out" 2>&1; then
    tail -n 15 "$out" >&2; rm -f "$out"
    die "go install helm.sh/helm/v3/cmd/helm@$HELM_VERSION failed (Go module proxy download or build)"
  fi
  rm -f "$out"
  log "helm $HELM_VERSION built: $("$HELM_HOME/helm" version --short 2>/dev/null || echo '?')"
}

# grpcurl (MIT, fullstorydev/grpcurl) from the Go module proxy: the reflection test asks every service the way a
# department's developer does (describe, health, a call with a service-account token).
provision_grpcurl() {
  if [ -x "$GRPCURL_HOME/grpcurl" ]; then log "grpcurl $GRPCURL_VERSION already built at $GRPCURL_HOME/grpcurl"; return 0; fi
  need_cmd go "Go is not installed — needed to build grpcurl $GRPCURL_VERSION"
  log "building grpcurl $GRPCURL_VERSION with go install into $GRPCURL_HOME"
  mkdir -p "$GRPCURL_HOME"
  local out; out="$(mktemp)"
  if ! GOFLAGS='' GOBIN="$GRPCURL_HOME" go install -trimpath -ldflags "-s -w -X main.version=$GRPCURL_VERSION" "github.com/fullstorydev/grpcurl/cmd/grpcurl@$GRPCURL_VERSION" >"$out" 2>&1; then
    tail -n 15 "$out" >&2; rm -f "$out"
    die "go install github.com/fullstorydev/grpcurl/cmd/grpcurl@$GRPCURL_VERSION failed (Go module proxy download or build)"
  fi
  rm -f "$out"
  log "grpcurl $GRPCURL_VERSION built: $("$GRPCURL_HOME/grpcurl" -version 2>&1 || echo '?')"
}

# Fallback font of every PDF (@govhall/pdf: guides, case documents) for rare ideographs (CJK Extensions B–F):
# HanaMinB from Debian's fonts-hanazono (Hanazono Font License or SIL OFL 1.1). Root installs it; anyone else is
# told how. ADR 0013.
HANAZONO_FONT=/usr/share/fonts/truetype/hanazono/HanaMinB.ttf
provision_fonts() {
  if [ -f "$HANAZONO_FONT" ]; then log "fonts-hanazono already installed"; return 0; fi
  [ "$(id -u)" = 0 ] || die "$HANAZONO_FONT is missing and this is not root: run 'apt-get install fonts-hanazono'"
  log "installing the PDF fallback font from Debian's packages (apt-get install fonts-hanazono)"
  local out; out="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-hanazono; } >"$out" 2>&1; then
    tail -n 15 "$out" >&2; rm -f "$out"; die "apt-get install fonts-hanazono failed (see above)"
  fi
  rm -f "$out"
  [ -f "$HANAZONO_FONT" ] || die "apt-get installed fonts-hanazono but $HANAZONO_FONT is not there"
}

# schemathesis from PyPI in its own venv (python3 with the venv module, as charts/check.sh needs too).
provision_schemathesis() {
  if [ -f "$SCHEMATHESIS_HOME/.complete" ]; then
    log "schemathesis $SCHEMATHESIS_VERSION already installed in $SCHEMATHESIS_HOME"; return 0
  fi
  need_cmd python3 "python3 is not installed — needed for schemathesis (apt-get install python3 python3-venv)"
  log "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $SCHEMATHESIS_HOME"
  local out; out="$(mktemp)"
  # A venv's scripts name its own path, so it is built in place; .complete marks a finished install.
  rm -rf "$SCHEMATHESIS_HOME"
  if ! { python3 -m venv "$SCHEMATHESIS_HOME" &&
    "$SCHEMATHESIS_HOME/bin/python" -m pip install --disable-pip-version-check -q "schemathesis==$SCHEMATHESIS_VERSION"; } >"$out" 2>&1; then
    tail -n 15 "$out" >&2; rm -rf "$out" "$SCHEMATHESIS_HOME"
    die "installing schemathesis==$SCHEMATHESIS_VERSION failed (python3 -m venv needs python3-venv; pip needs PyPI)"
  fi
  rm -f "$out"
  touch "$SCHEMATHESIS_HOME/.complete"
  log "schemathesis installed: $("$SCHEMATHESIS_HOME/bin/schemathesis" --version 2>/dev/null || echo '?')"
}

# The browser of the browser tests (@govhall/testing's browser harness, web/test/*.e2e.test.ts): Debian's Chromium,
# driven by playwright-core at /usr/bin/chromium (`npx playwright install` cannot download a browser of its own
# here), with Debian's ChromeDriver and a Chinese sans-serif font (Noto Sans CJK, SIL OFL) so Chinese pages and their
# screenshots are not drawn in the PDF's Mincho fallback. Root installs them; anyone else is told how. The version
# is written to $GOVHALL_STATE/chromium-version.txt (and the log) for the test reports.
CHROMIUM_BIN=/usr/bin/chromium
CHROMIUM_PACKAGES=(chromium chromium-driver fonts-noto-cjk)
debian_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
chromium_complete() {
  [ -x "$CHROMIUM_BIN" ] || return 1
  command -v dpkg-query >/dev/null 2>&1 || return 0 # not Debian: a chromium someone installed is taken as it is
  local p
  for p in "${CHROMIUM_PACKAGES[@]}"; do debian_installed "$p" || return 1; done
}
provision_chromium() {
  if ! chromium_complete; then
    [ "$(id -u)" = 0 ] || die "Chromium for the browser tests is missing and this is not root: run 'apt-get install --no-install-recommends ${CHROMIUM_PACKAGES[*]}'"
    log "installing Chromium for the browser tests from Debian's packages (apt-get install ${CHROMIUM_PACKAGES[*]})"
    local out; out="$(mktemp)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${CHROMIUM_PACKAGES[@]}"; } >"$out" 2>&1; then
      tail -n 15 "$out" >&2; rm -f "$out"; die "apt-get install ${CHROMIUM_PACKAGES[*]} failed (see above)"
    fi
    rm -f "$out"
    [ -x "$CHROMIUM_BIN" ] || die "apt-get installed chromium but $CHROMIUM_BIN is not there"
  fi
  local version
  version="$("$CHROMIUM_BIN" --version 2>/dev/null | head -n1)" || true
  [ -n "$version" ] || die "$CHROMIUM_BIN --version printed nothing (a broken install? apt-get install --reinstall chromium)"
  mkdir -p "$GOVHALL_STATE"
  printf '%s\n' "$version" >"$GOVHALL_STATE/chromium-version.txt"
  log "chromium: $version ($CHROMIUM_BIN)"
}

main() {
  mkdir -p "$GOVHALL_CACHE"
  local c list
  list="$(select_components "postgres kafka keycloak ferretdb mailpit helm grpcurl fonts schemathesis chromium" "$@")" || exit 1
  for c in $list; do
    "provision_$c"
  done
}
main "$@"
