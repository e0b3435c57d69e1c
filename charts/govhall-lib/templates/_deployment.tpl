{{- define "govhall-lib.deployment" -}}
{{- $probeType := include "govhall-lib.probeType" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "govhall-lib.metadata" . | nindent 2 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "govhall-lib.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "govhall-lib.labels" . | nindent 8 }}
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "govhall-lib.name" . }}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      # Not a knob: every GovHall process runs as a non-root user on a read-only root filesystem.
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ .Values.podSecurityContext.runAsUser }}
        runAsGroup: {{ .Values.podSecurityContext.runAsGroup }}
        fsGroup: {{ .Values.podSecurityContext.fsGroup }}
        seccompProfile:
          type: RuntimeDefault
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      containers:
        - name: {{ include "govhall-lib.name" . }}
          image: {{ include "govhall-lib.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            {{- range $name := list "grpc" "http" "metrics" }}
            {{- with index $.Values.ports $name }}
            - name: {{ $name }}
              containerPort: {{ . }}
              protocol: TCP
            {{- end }}
            {{- end }}
          env:
            {{- include "govhall-lib.env" . | trim | nindent 12 }}
          {{- if eq $probeType "grpc" }}
          startupProbe:
            grpc:
              port: {{ .Values.ports.grpc }}
            {{- toYaml .Values.probes.startup | nindent 12 }}
          livenessProbe:
            grpc:
              port: {{ .Values.ports.grpc }}
            {{- toYaml .Values.probes.liveness | nindent 12 }}
          readinessProbe:
            grpc:
              port: {{ .Values.ports.grpc }}
            {{- toYaml .Values.probes.readiness | nindent 12 }}
          {{- else }}
          startupProbe:
            httpGet:
              path: /healthz
              port: http
            {{- toYaml .Values.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            {{- toYaml .Values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            {{- toYaml .Values.probes.readiness | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            privileged: false
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        # readOnlyRootFilesystem: Node and its libraries still need a writable /tmp.
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "govhall-lib.selectorLabels" . | nindent 14 }}
{{- end -}}
