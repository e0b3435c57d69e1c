{{/*
The entry point: a service chart's templates/all.yaml is {{ include "govhall-lib.service" . }}.
It completes the values with the library defaults, then renders every resource of the service.
*/}}
{{- define "govhall-lib.service" -}}
{{- $defaults := include "govhall-lib.defaults" . | fromYaml -}}
{{- $values := merge (deepCopy .Values) $defaults -}}
{{- /* merge treats 0 as missing: keep a service scaled to zero at zero */ -}}
{{- if hasKey .Values "replicaCount" }}{{ $_ := set $values "replicaCount" .Values.replicaCount }}{{ end -}}
{{- /* global.serviceMonitor (when given) decides for every service: the CRDs exist or not. */ -}}
{{- $gsm := (.Values.global | default dict).serviceMonitor | default dict -}}
{{- if hasKey $gsm "enabled" }}{{ $_ := set $values.serviceMonitor "enabled" $gsm.enabled }}{{ end -}}
{{- with $gsm.labels }}{{ $_ := set $values.serviceMonitor "labels" (merge (deepCopy $values.serviceMonitor.labels) .) }}{{ end -}}
{{- $ctx := dict "Values" $values "Chart" .Chart "Release" .Release "Capabilities" .Capabilities "Template" .Template "Files" .Files -}}
{{- range $t := list "serviceaccount" "svc" "deployment" "hpa" "pdb" "servicemonitor" "networkpolicy" }}
{{- $doc := include (printf "govhall-lib.%s" $t) $ctx | trim }}
{{- if $doc }}
---
{{ $doc }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "govhall-lib.serviceaccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  {{- include "govhall-lib.metadata" . | nindent 2 }}
automountServiceAccountToken: false
{{- end -}}

{{- define "govhall-lib.svc" -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "govhall-lib.metadata" . | nindent 2 }}
spec:
  type: {{ .Values.service.type }}
  selector:
    {{- include "govhall-lib.selectorLabels" . | nindent 4 }}
  ports:
    {{- range $name := list "grpc" "http" "metrics" }}
    {{- with index $.Values.ports $name }}
    - name: {{ $name }}
      port: {{ . }}
      targetPort: {{ $name }}
      protocol: TCP
      {{- if eq $name "grpc" }}
      appProtocol: grpc
      {{- else }}
      appProtocol: http
      {{- end }}
    {{- end }}
    {{- end }}
{{- end -}}

{{- define "govhall-lib.hpa" -}}
{{- if .Values.autoscaling.enabled -}}
{{- $a := .Values.autoscaling -}}
{{- if gt (int $a.minReplicas) (int $a.maxReplicas) -}}
{{- fail (printf "%s: autoscaling.minReplicas (%v) is above maxReplicas (%v)" .Chart.Name $a.minReplicas $a.maxReplicas) -}}
{{- end -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "govhall-lib.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "govhall-lib.name" . }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $a.targetCPUUtilizationPercentage }}
{{- end -}}
{{- end -}}

{{/* maxUnavailable (not minAvailable) so a single replica never blocks a node drain. */}}
{{- define "govhall-lib.pdb" -}}
{{- if .Values.podDisruptionBudget.enabled -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "govhall-lib.metadata" . | nindent 2 }}
spec:
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "govhall-lib.selectorLabels" . | nindent 6 }}
{{- end -}}
{{- end -}}

{{/* Needs the Prometheus Operator CRDs in the cluster; off unless asked for. */}}
{{- define "govhall-lib.servicemonitor" -}}
{{- if .Values.serviceMonitor.enabled -}}
{{- if not .Values.ports.metrics -}}
{{- fail (printf "%s: serviceMonitor.enabled needs ports.metrics" .Chart.Name) -}}
{{- end -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "govhall-lib.name" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "govhall-lib.labels" . | nindent 4 }}
    {{- with .Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "govhall-lib.selectorLabels" . | nindent 6 }}
  namespaceSelector:
    matchNames:
      - {{ .Release.Namespace }}
  endpoints:
    - port: metrics
      path: /metrics
      scheme: http
      interval: {{ .Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .Values.serviceMonitor.scrapeTimeout }}
{{- end -}}
{{- end -}}

{{/*
Ingress only from GovHall's own pods (any port), from the monitoring namespace (metrics port),
and, for the edge (allowFromIngressNamespace), from the ingress controller's namespace (http
port). Egress is not restricted here: MongoDB, Kafka and Keycloak live outside the release.
*/}}
{{- define "govhall-lib.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled -}}
{{- $g := .Values.global | default dict -}}
{{- $gnp := $g.networkPolicy | default dict -}}
{{- $np := .Values.networkPolicy -}}
{{- $ingressNs := $gnp.ingressNamespace | default $np.ingressNamespace -}}
{{- $monitoringNs := $gnp.monitoringNamespace | default $np.monitoringNamespace -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  {{- include "govhall-lib.metadata" . | nindent 2 }}
spec:
  podSelector:
    matchLabels:
      {{- include "govhall-lib.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: govhall
    {{- if and .Values.ports.metrics $monitoringNs }}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $monitoringNs }}
      ports:
        - port: metrics
          protocol: TCP
    {{- end }}
    {{- if and .Values.ports.grpc $np.grpcPeers }}
    - from:
        {{- toYaml $np.grpcPeers | nindent 8 }}
      ports:
        - port: grpc
          protocol: TCP
    {{- end }}
    {{- if and $np.allowFromIngressNamespace $ingressNs }}
    {{- if not .Values.ports.http -}}
    {{- fail (printf "%s: networkPolicy.allowFromIngressNamespace needs ports.http" .Chart.Name) -}}
    {{- end }}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $ingressNs }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
{{- end -}}
{{- end -}}
