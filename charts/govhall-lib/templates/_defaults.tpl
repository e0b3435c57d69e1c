{{/*
Defaults every service shares. A service's values (and the umbrella's) are laid over them with
`merge`, which fills only missing keys. Caveat of sprig's merge: a false or 0 given by a service
is taken as missing and replaced by a non-empty default, so every boolean default here is false
(flags that should be on are set explicitly in each service's values.yaml) and replicaCount, the
one number that may be 0, is restored after the merge (see _service.tpl).
*/}}
{{- define "govhall-lib.defaults" -}}
nameOverride: ""
component: service
tenantLevel: county
replicaCount: 1
image:
  registry: ""
  repository: ""
  tag: ""
  pullPolicy: IfNotPresent
imagePullSecrets: []
ports: {}
config: {}
secretEnv: {}
probes:
  type: ""
  startup:
    periodSeconds: 2
    failureThreshold: 30
    timeoutSeconds: 2
  liveness:
    periodSeconds: 10
    failureThreshold: 3
    timeoutSeconds: 2
  readiness:
    periodSeconds: 5
    failureThreshold: 2
    timeoutSeconds: 2
resources:
  requests:
    cpu: 100m
    memory: 128Mi
  limits:
    memory: 256Mi
podSecurityContext:
  runAsUser: 1000
  runAsGroup: 1000
  fsGroup: 1000
terminationGracePeriodSeconds: 30
tmpSizeLimit: 64Mi
podAnnotations: {}
nodeSelector: {}
tolerations: []
affinity: {}
service:
  type: ClusterIP
autoscaling:
  enabled: false
  minReplicas: 2
  maxReplicas: 6
  targetCPUUtilizationPercentage: 75
podDisruptionBudget:
  enabled: false
  maxUnavailable: 1
serviceMonitor:
  enabled: false
  interval: 30s
  scrapeTimeout: 10s
  labels: {}
networkPolicy:
  enabled: false
  allowFromIngressNamespace: false
  # Callers from outside the release admitted on the gRPC port (NetworkPolicyPeer entries): department systems
  # (J15) and, at a parent center, a child deployment's joint-review (ADR 0055).
  grpcPeers: []
  ingressNamespace: ingress-nginx
  monitoringNamespace: monitoring
{{- end -}}
