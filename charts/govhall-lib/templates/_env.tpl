{{/*
Environment. `config` in a service's values declares the variables the process reads, with
their defaults. Deployment-wide facts in `global` (tenants, MongoDB, Kafka, Keycloak, OTLP,
log level) fill in those variables, and only those, when set: they override the chart default
so that every service of a release agrees on them. `secretEnv` (the service's, then
`global.secretEnv` for declared variables) references keys of existing Secrets and wins over a
plain value of the same name.
*/}}
{{- define "govhall-lib.globalEnv" -}}
{{- $g := .Values.global | default dict -}}
{{- $mongo := $g.mongodb | default dict -}}
{{- $kafka := $g.kafka | default dict -}}
{{- $kc := $g.keycloak | default dict -}}
{{- $otel := $g.otel | default dict -}}
{{- $out := dict -}}
{{- with $g.tenants -}}
{{- $codes := list -}}
{{- range $t := . -}}
{{- /* an unquoted 620300 arrives as float64 and would print as 6.203e+05 */ -}}
{{- $code := kindIs "float64" $t | ternary (printf "%d" (int64 $t)) (toString $t) -}}
{{- if not (regexMatch "^([0-9]{6}|[0-9]{9}|[0-9]{12})$" $code) -}}
{{- fail (printf "global.tenants: %q is not a GB/T 2260 region code (6 digits; 9 or 12 for towns and villages)" $code) -}}
{{- end -}}
{{- $codes = append $codes $code -}}
{{- end -}}
{{- $_ := set $out "GOVHALL_TENANTS" (join "," $codes) -}}
{{- end -}}
{{- with $mongo.uri }}{{ $_ := set $out "MONGODB_URI" . }}{{ end -}}
{{- with $kafka.brokers }}{{ $_ := set $out "KAFKA_BROKERS" (kindIs "slice" . | ternary (join "," .) (toString .)) }}{{ end -}}
{{- with $kc.url }}{{ $_ := set $out "KEYCLOAK_URL" . }}{{ end -}}
{{- with $kc.realm }}{{ $_ := set $out "KEYCLOAK_REALM" . }}{{ end -}}
{{- with $otel.endpoint }}{{ $_ := set $out "OTEL_EXPORTER_OTLP_ENDPOINT" . }}{{ end -}}
{{- with $g.logLevel }}{{ $_ := set $out "LOG_LEVEL" . }}{{ end -}}
{{- toYaml $out -}}
{{- end -}}

{{- define "govhall-lib.env" -}}
{{- $g := .Values.global | default dict -}}
{{- $config := .Values.config | default dict -}}
{{- $globalEnv := include "govhall-lib.globalEnv" . | fromYaml -}}
{{- $secrets := dict -}}
{{- range $name, $ref := ($g.secretEnv | default dict) -}}
{{- if hasKey $config $name }}{{ $_ := set $secrets $name $ref }}{{ end -}}
{{- end -}}
{{- range $name, $ref := (.Values.secretEnv | default dict) -}}
{{- $_ := set $secrets $name $ref -}}
{{- end -}}
{{- if not (hasKey $config "OTEL_SERVICE_NAME") }}
- name: OTEL_SERVICE_NAME
  value: {{ include "govhall-lib.name" . | quote }}
{{- end }}
{{- range $name := keys $config | sortAlpha }}
{{- if not (hasKey $secrets $name) }}
{{- $v := hasKey $globalEnv $name | ternary (get $globalEnv $name) (get $config $name) }}
{{- /* YAML numbers arrive as float64: print 9464, never 9464.0 or 1e+06 */}}
{{- if and (kindIs "float64" $v) (eq (float64 (int64 $v)) $v) }}{{ $v = int64 $v }}{{ end }}
- name: {{ $name }}
  value: {{ $v | toString | quote }}
{{- end }}
{{- end }}
{{- range $name := keys $secrets | sortAlpha }}
{{- $ref := get $secrets $name }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "secretEnv.%s.name is required" $name) $ref.name }}
      key: {{ required (printf "secretEnv.%s.key is required" $name) $ref.key }}
      {{- if hasKey $ref "optional" }}
      optional: {{ $ref.optional }}
      {{- end }}
{{- end }}
{{- end -}}
