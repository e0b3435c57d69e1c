-- Applied by deploy/stack/start.sh to FerretDB's PostgreSQL database at every start (idempotent).
--
-- FerretDB v1.24.2 (PostgreSQL handler) creates a btree index for each index a service declares, on expressions
-- like (_jsonb -> 'tenant'), but it queries with containment: WHERE _jsonb -> 'tenant' @> '"620321"'. A btree
-- cannot serve `@>`, so no query used an index (ADR 0005). Here every such btree index gets a GIN twin over the
-- same top-level fields (jsonb_path_ops serves `@>`), created and dropped in step with FerretDB's own index by
-- event triggers, in the same transaction. ADR 0011 says what this depends on.

-- Twins are built without GIN's pending list (fastupdate = off): with it, bursts of inserts park entries in an
-- unsorted list that every later query must scan until a vacuum merges it, which made reads after a bulk load
-- tens of times slower; without it each insert updates the index directly.

-- The CREATE INDEX statement of the GIN twin of a FerretDB index, or NULL when the index has no top-level field
-- (nested paths are not pushed down by FerretDB) or is not a btree (a twin itself).
CREATE OR REPLACE FUNCTION public.govhall_gin_twin_ddl(idx oid) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
  ind pg_index%ROWTYPE;
  cols text[] := '{}';
  expr text;
  k int;
BEGIN
  SELECT * INTO ind FROM pg_index WHERE indexrelid = idx;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF (SELECT a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.oid = idx) <> 'btree' THEN
    RETURN NULL;
  END IF;
  FOR k IN 1..ind.indnatts LOOP
    expr := pg_get_indexdef(idx, k, true);
    -- a top-level field, e.g. (_jsonb -> 'tenant'::text), which FerretDB filters as _jsonb->'tenant' @> value
    IF expr ~ '^\(*_jsonb -> ''[^'']+''::text\)*$' THEN
      cols := cols || format('(%s) jsonb_path_ops', expr);
    END IF;
  END LOOP;
  IF coalesce(array_length(cols, 1), 0) = 0 THEN RETURN NULL; END IF;
  RETURN format(
    'CREATE INDEX IF NOT EXISTS %I ON %s USING gin (%s) WITH (fastupdate = off)',
    left((SELECT relname FROM pg_class WHERE oid = idx), 59) || '_gin',
    ind.indrelid::regclass,
    array_to_string(cols, ', ')
  );
END
$fn$;

CREATE OR REPLACE FUNCTION public.govhall_gin_twins_on_create() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  ddl text;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands()
           WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    ddl := public.govhall_gin_twin_ddl(r.objid);
    IF ddl IS NOT NULL THEN EXECUTE ddl; END IF;
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION public.govhall_gin_twins_on_drop() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
           WHERE object_type = 'index' AND object_name NOT LIKE '%\_gin' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', r.schema_name, left(r.object_name, 59) || '_gin');
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS govhall_gin_twins_on_create;
CREATE EVENT TRIGGER govhall_gin_twins_on_create ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION public.govhall_gin_twins_on_create();

DROP EVENT TRIGGER IF EXISTS govhall_gin_twins_on_drop;
CREATE EVENT TRIGGER govhall_gin_twins_on_drop ON sql_drop WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION public.govhall_gin_twins_on_drop();

-- Catch up: indexes created before these triggers existed (a cluster from an older stack) get their twins now.
DO $catchup$
DECLARE
  r record;
  ddl text;
BEGIN
  FOR r IN SELECT i.indexrelid FROM pg_index i
           JOIN pg_class t ON t.oid = i.indrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = '_jsonb'
           WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public') LOOP
    ddl := public.govhall_gin_twin_ddl(r.indexrelid);
    IF ddl IS NOT NULL THEN EXECUTE ddl; END IF;
  END LOOP;
  -- Twins made by an older version of this file may still have a pending list.
  FOR r IN SELECT c.oid::regclass AS twin FROM pg_class c JOIN pg_am a ON a.oid = c.relam
           WHERE a.amname = 'gin' AND c.relname LIKE '%\_gin'
             AND NOT coalesce(c.reloptions @> ARRAY['fastupdate=off'], false) LOOP
    EXECUTE format('ALTER INDEX %s SET (fastupdate = off)', r.twin);
  END LOOP;
END
$catchup$;

-- Which statements cost the store its time (the server preloads the library: deploy/stack/start.sh).
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
