{{/*
Names. A service's name is the same string in its folder, package, chart, image, OTEL service
name and Kubernetes labels, and the Service is called exactly that so other services can dial
"<name>:<port>" (e.g. CATALOGUE_GRPC_ADDR=catalogue:50051). One GovHall release per namespace.
*/}}
{{- define "govhall-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "govhall-lib.tenantLevel" -}}
{{- $g := .Values.global | default dict -}}
{{- $level := default .Values.tenantLevel $g.tenantLevel -}}
{{- if not (has $level (list "city" "district" "county")) -}}
{{- fail (printf "%s: tenantLevel must be city, district or county (global.tenantLevel), got %q" .Chart.Name (toString $level)) -}}
{{- end -}}
{{- $level -}}
{{- end -}}

{{- define "govhall-lib.imageTag" -}}
{{- $g := .Values.global | default dict -}}
{{- $gi := $g.image | default dict -}}
{{- toString (.Values.image.tag | default $gi.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "govhall-lib.image" -}}
{{- $g := .Values.global | default dict -}}
{{- $gi := $g.image | default dict -}}
{{- $repo := required (printf "%s: image.repository is required" .Chart.Name) .Values.image.repository -}}
{{- $registry := .Values.image.registry | default $gi.registry -}}
{{- if $registry -}}{{ printf "%s/%s:%s" (trimSuffix "/" $registry) $repo (include "govhall-lib.imageTag" .) }}{{- else -}}{{ printf "%s:%s" $repo (include "govhall-lib.imageTag" .) }}{{- end -}}
{{- end -}}

{{- define "govhall-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "govhall-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "govhall-lib.labels" -}}
{{ include "govhall-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ include "govhall-lib.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: {{ .Values.component | default "service" }}
app.kubernetes.io/part-of: govhall
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
govhall.gov.cn/tenant-level: {{ include "govhall-lib.tenantLevel" . }}
{{- end -}}

{{- define "govhall-lib.metadata" -}}
name: {{ include "govhall-lib.name" . }}
namespace: {{ .Release.Namespace }}
labels:
  {{- include "govhall-lib.labels" . | nindent 2 }}
{{- end -}}

{{/* The probe kind: "grpc" (native gRPC health probe on the grpc port) or "http" (/healthz, /readyz). */}}
{{- define "govhall-lib.probeType" -}}
{{- $t := .Values.probes.type -}}
{{- if not (has $t (list "grpc" "http")) -}}
{{- fail (printf "%s: probes.type must be grpc or http, got %q" .Chart.Name (toString $t)) -}}
{{- end -}}
{{- $port := index .Values.ports $t -}}
{{- if not $port -}}
{{- fail (printf "%s: probes.type is %s but ports.%s is not set" .Chart.Name $t $t) -}}
{{- end -}}
{{- $t -}}
{{- end -}}
