#!/usr/bin/env bash
# The chart gate: lint every chart, render the umbrella for each tenant level and validate
# every rendered manifest offline against Kubernetes schemas. Needs go (to build helm once) and
# python3 with venv; everything else is cached under ${GOVHALL_CACHE:-~/.cache/govhall}.
#   bash charts/check.sh            HELM_BIN=/path/to/helm to use another helm
#   CHARTS_OUT=dir keeps the rendered manifests.        See docs/charts.md.
set -euo pipefail

HELM_VERSION=v3.22.0            # latest v3 tag on the Go module proxy when chosen
KUBE_VERSION=1.35.0             # oldest Kubernetes minor still supported upstream: lint/template target
VALIDATE_VERSIONS=1.35.0,1.37.0 # schemas checked: that minor and the newest bundled one
KV_VERSION=1.37.0               # kubernetes-validate (PyPI), bundles schemas up to 1.37
LEVELS=(city district county)
SERVICES=(catalogue gateway supervision identity applications joint-review payments complaints)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${GOVHALL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/govhall}
start=$SECONDS
say() { echo "charts: $*"; }
die() { echo "charts: FAIL: $*" >&2; exit 1; }
mkdir -p "$cache"

# --- helm -----------------------------------------------------------------------------------
if [[ -n "${HELM_BIN:-}" ]]; then
  [[ -x "$HELM_BIN" ]] || die "HELM_BIN=$HELM_BIN is not an executable"
  helm=$HELM_BIN
else
  helm=$cache/helm-$HELM_VERSION/helm
  if [[ ! -x "$helm" ]]; then
    command -v go >/dev/null || die "go is needed to build helm $HELM_VERSION (or set HELM_BIN)"
    exec 9>"$cache/helm-$HELM_VERSION.lock"
    flock 9
    if [[ ! -x "$helm" ]]; then # another run may have built it while we waited
      say "building helm $HELM_VERSION with go install (once, a few minutes)"
      tmp=$(mktemp -d "$cache/.helm-$HELM_VERSION.XXXXXX")
      GOBIN=$tmp go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" || die "go install helm $HELM_VERSION failed"
      mkdir -p "$(dirname "$helm")"
      mv -f "$tmp/helm" "$helm" # atomic: a concurrent reader never sees half a binary
      rmdir "$tmp"
    fi
    exec 9>&-
  fi
fi
"$helm" version --short >/dev/null 2>&1 || die "$helm does not run"

# --- kubernetes-validate in a cached venv ----------------------------------------------------
venv=$cache/kubernetes-validate-$KV_VERSION
if [[ ! -f "$venv/.complete" ]]; then
  exec 8>"$venv.lock"
  flock 8
  if [[ ! -f "$venv/.complete" ]]; then
    say "installing kubernetes-validate $KV_VERSION into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$venv/bin/python" -m pip install --disable-pip-version-check -q "kubernetes-validate==$KV_VERSION" \
      || die "pip install kubernetes-validate==$KV_VERSION failed"
    touch "$venv/.complete"
  fi
  exec 8>&-
fi

# helm keeps its own config/cache away from the user's: file:// dependencies need no repository.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HELM_CONFIG_HOME=$work/helm/config HELM_CACHE_HOME=$work/helm/cache HELM_DATA_HOME=$work/helm/data
out=${CHARTS_OUT:-$work/rendered}
mkdir -p "$out"

run() { # run a helm command, stdout to $work/stdout; on failure show its output and stop
  local what=$1; shift
  if ! "$helm" "$@" >"$work/stdout" 2>"$work/stderr"; then
    cat "$work/stdout" "$work/stderr" >&2
    die "$what"
  fi
}

# --- dependencies (services on the library first, then the umbrella on the services) -----------
for c in "${SERVICES[@]}" govhall; do
  run "helm dependency build charts/$c" dependency build --skip-refresh "$here/$c"
done

# --- lint ------------------------------------------------------------------------------------
lint=(lint --strict --kube-version "$KUBE_VERSION")
for c in govhall-lib "${SERVICES[@]}"; do
  run "helm lint charts/$c" "${lint[@]}" "$here/$c"
done
run "helm lint charts/govhall" "${lint[@]}" "$here/govhall"
for l in "${LEVELS[@]}"; do
  run "helm lint charts/govhall -f values-$l.yaml" "${lint[@]}" -f "$here/govhall/values-$l.yaml" "$here/govhall"
done
say "lint ok: govhall-lib, ${SERVICES[*]}, govhall (defaults + ${LEVELS[*]})"

# --- render ----------------------------------------------------------------------------------
tpl=(template --kube-version "$KUBE_VERSION" --namespace govhall --api-versions monitoring.coreos.com/v1)
for c in "${SERVICES[@]}"; do
  run "helm template charts/$c" "${tpl[@]}" "$c" "$here/$c"
  cp "$work/stdout" "$out/$c.yaml"
done
for l in "${LEVELS[@]}"; do
  run "helm template charts/govhall -f values-$l.yaml" "${tpl[@]}" govhall "$here/govhall" -f "$here/govhall/values-$l.yaml"
  cp "$work/stdout" "$out/govhall-$l.yaml"
done

# What each tenant level must produce (kind counts), so a values change that silently drops
# autoscaling or monitoring fails here.
expect() { # file kind count
  local n
  n=$(grep -c "^kind: $2\$" "$out/$1" || true)
  [[ "$n" == "$3" ]] || die "$1: expected $3 $2, rendered $n"
}
for l in "${LEVELS[@]}"; do
  expect "govhall-$l.yaml" Deployment 8
  expect "govhall-$l.yaml" NetworkPolicy 8
done
expect govhall-city.yaml HorizontalPodAutoscaler 6 # payments and complaints run two fixed replicas
expect govhall-city.yaml ServiceMonitor 8
expect govhall-district.yaml HorizontalPodAutoscaler 0
expect govhall-district.yaml ServiceMonitor 8
expect govhall-county.yaml HorizontalPodAutoscaler 0
expect govhall-county.yaml ServiceMonitor 0

# --- validate --------------------------------------------------------------------------------
files=()
for c in "${SERVICES[@]}"; do files+=("$out/$c.yaml"); done
for l in "${LEVELS[@]}"; do files+=("$out/govhall-$l.yaml"); done
summary=$("$venv/bin/python" "$here/validate.py" --kube-versions "$VALIDATE_VERSIONS" --schemas "$here/schemas" "${files[@]}") \
  || { echo "$summary"; die "rendered manifests do not validate (see INVALID lines above)"; }
echo "$summary"
n=$(sed -n 's/^validated \([0-9]*\) manifests.*/\1/p' <<<"$summary")
say "${#LEVELS[@]} values files + ${#SERVICES[@]} standalone charts, $n manifests valid" \
  "(helm $("$helm" version --template '{{.Version}}'), kube $KUBE_VERSION, schemas $VALIDATE_VERSIONS) in $((SECONDS - start))s"
