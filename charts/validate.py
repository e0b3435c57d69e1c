"""Validate rendered Helm output offline; called by charts/check.sh inside its cached venv.

Every object is checked against the Kubernetes JSON schemas bundled in kubernetes-validate
(strict: unknown fields fail) for each requested Kubernetes version. Kinds that are not core
Kubernetes (CRDs) must have a schema of ours in charts/schemas/, else they fail: nothing passes
unchecked. On top, the house rules: the GovHall labels on every object and pod template, and no
two objects of the same kind and name.

usage: validate.py --kube-versions 1.35.0,1.37.0 --schemas DIR FILE...
"""
import argparse
import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml
import kubernetes_validate
from kubernetes_validate.utils import SchemaNotFoundError, ValidationError

REQUIRED_LABELS = ("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/instance",
                   "app.kubernetes.io/version", "app.kubernetes.io/managed-by", "govhall.gov.cn/tenant-level")
TENANT_LEVELS = ("city", "district", "county")
# The bundled schemas type a resource quantity as "string or number" only; the API server parses
# it with this grammar (k8s.io/apimachinery resource.Quantity), so "cpu: fifty" fails here too.
QUANTITY = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$")


def local_schemas(folder):
    """schemas/<kind>-<group-first-label>-<version>.json, the naming kubernetes-validate uses."""
    out = {}
    for path in sorted(Path(folder).glob("*.json")):
        out[path.stem] = json.loads(path.read_text())
    return out


def schema_key(obj):
    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", obj["apiVersion"])
    return f"{obj['kind'].lower()}-{api}"


def label_errors(obj):
    errors = []
    holders = [("metadata.labels", obj.get("metadata", {}).get("labels") or {})]
    template = (obj.get("spec") or {}).get("template")
    if isinstance(template, dict):
        holders.append(("spec.template.metadata.labels", (template.get("metadata") or {}).get("labels") or {}))
    for where, labels in holders:
        missing = [k for k in REQUIRED_LABELS if not labels.get(k)]
        if missing:
            errors.append(f"{where} lacks {', '.join(missing)}")
        if labels.get("app.kubernetes.io/part-of", "govhall") != "govhall":
            errors.append(f"{where} app.kubernetes.io/part-of is not govhall")
        if labels.get("govhall.gov.cn/tenant-level", "city") not in TENANT_LEVELS:
            errors.append(f"{where} govhall.gov.cn/tenant-level is not one of {TENANT_LEVELS}")
    return errors


def quantity_errors(obj):
    errors = []
    pod = ((obj.get("spec") or {}).get("template") or {}).get("spec") or {}
    for c in (pod.get("containers") or []) + (pod.get("initContainers") or []):
        for section in ("requests", "limits"):
            for res, value in ((c.get("resources") or {}).get(section) or {}).items():
                if not QUANTITY.match(str(value)):
                    errors.append(f"container {c.get('name')}: resources.{section}.{res}: {value!r} is not a quantity")
    return errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kube-versions", required=True)
    parser.add_argument("--schemas", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    versions = [v for v in args.kube_versions.split(",") if v]
    ours = local_schemas(args.schemas)

    failures, valid, notes = [], 0, set()
    for file in args.files:
        seen = set()
        docs = [d for d in yaml.safe_load_all(Path(file).read_text()) if d]
        if not docs:
            failures.append(f"{file}: no objects rendered")
        for obj in docs:
            name = f"{Path(file).name}: {obj.get('kind', '?')}/{(obj.get('metadata') or {}).get('name', '?')}"
            problems = label_errors(obj) + quantity_errors(obj)
            ident = (obj.get("kind"), (obj.get("metadata") or {}).get("namespace"), (obj.get("metadata") or {}).get("name"))
            if ident in seen:
                problems.append("rendered twice")
            seen.add(ident)
            key = schema_key(obj)
            if key in ours:
                notes.add(f"{obj['kind']} ({obj['apiVersion']}) is a CRD: checked against charts/schemas/{key}.json")
                for err in jsonschema.Draft202012Validator(ours[key]).iter_errors(obj):
                    problems.append(f"{'.'.join(map(str, err.absolute_path)) or '(root)'}: {err.message}")
            else:
                for version in versions:
                    try:
                        kubernetes_validate.validate(obj, version, strict=True)
                    except ValidationError as err:
                        problems.append(f"k8s {version}: {'.'.join(map(str, err.path)) or '(root)'}: {err.message}")
                    except SchemaNotFoundError as err:
                        problems.append(f"{err.message}; add a schema to charts/schemas/{key}.json if it is a CRD")
                        break
            if problems:
                failures.extend(f"{name}: {p}" for p in problems)
            else:
                valid += 1
    for note in sorted(notes):
        print(f"note: {note}")
    for failure in failures:
        print(f"INVALID {failure}", file=sys.stderr)
    print(f"validated {valid} manifests against Kubernetes {', '.join(versions)}"
          f" (kubernetes-validate {kubernetes_validate.__version__}), {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
