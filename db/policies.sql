-- Applied after every migration run (idempotent). It makes tenant isolation the default:
-- every table in `public` with a tenant_id column gets row-level security ENABLEd and FORCEd
-- and the one tenant policy, so a new table cannot be forgotten (tests/platform/rls.test.ts
-- checks the same list from pg_class).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillwise_app') THEN
    -- The role the app queries as: owns nothing, not superuser, no BYPASSRLS.
    CREATE ROLE tillwise_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillwise_dispatcher') THEN
    -- Owns claim_outbox_batch (below) and nothing else: it must find due events of every
    -- tenant, so it bypasses RLS, and may touch nothing but the outbox. Nobody logs in as it
    -- or may become it; the function is the only thing that runs as it.
    CREATE ROLE tillwise_dispatcher NOLOGIN NOSUPERUSER BYPASSRLS NOINHERIT;
  END IF;
  -- Earlier versions let the app SET ROLE to it: a web request's SQL could then read or
  -- rewrite every tenant's outbox.
  IF pg_has_role('tillwise_app', 'tillwise_dispatcher', 'MEMBER') THEN
    REVOKE tillwise_dispatcher FROM tillwise_app;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO tillwise_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tillwise_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tillwise_app;

-- Platform table: the registry reads and inserts businesses; the app never changes one.
REVOKE UPDATE, DELETE ON tenants FROM tillwise_app;
-- Append-only records.
REVOKE UPDATE, DELETE ON audit_events, stock_movements FROM tillwise_app;

GRANT USAGE ON SCHEMA public TO tillwise_dispatcher;
GRANT SELECT, UPDATE ON outbox_events TO tillwise_dispatcher;

-- Leases up to `batch_size` due events of any tenant for `lease_seconds` (several instances
-- never work on the same event) and returns only their keys: the dispatcher then reads and
-- marks each event inside withTenant, under RLS. Both arguments are clamped, so a caller
-- cannot park every tenant's outbox for a day.
CREATE OR REPLACE FUNCTION claim_outbox_batch(batch_size integer, lease_seconds integer)
RETURNS TABLE (tenant_id uuid, id uuid)
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  WITH due AS MATERIALIZED (
    SELECT e.tenant_id, e.id, e.next_attempt_at, e.occurred_at
    FROM outbox_events e
    WHERE e.dispatched_at IS NULL AND e.next_attempt_at <= now()
    ORDER BY e.next_attempt_at, e.occurred_at
    LIMIT least(greatest(batch_size, 1), 1000)
    FOR UPDATE SKIP LOCKED
  ), leased AS (
    UPDATE outbox_events e
    SET next_attempt_at = now() + make_interval(secs => least(greatest(lease_seconds, 1), 300))
    FROM due
    WHERE e.tenant_id = due.tenant_id AND e.id = due.id
  )
  SELECT due.tenant_id, due.id FROM due ORDER BY due.next_attempt_at, due.occurred_at
$$;
ALTER FUNCTION claim_outbox_batch(integer, integer) OWNER TO tillwise_dispatcher;
REVOKE ALL ON FUNCTION claim_outbox_batch(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_outbox_batch(integer, integer) TO tillwise_app;

-- The outbox's backlog for /api/metrics (sampled at scrape): how many events of every tenant
-- wait for delivery, counted up to `cap` so a huge backlog costs a bounded scan, and the age
-- of the oldest. Aggregates only: no tenant id, no event leaves it.
CREATE OR REPLACE FUNCTION outbox_backlog(cap integer)
RETURNS TABLE (pending bigint, oldest_seconds double precision)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT
    (SELECT count(*) FROM (SELECT 1 FROM outbox_events e WHERE e.dispatched_at IS NULL LIMIT least(greatest(cap, 1), 1000000)) waiting),
    coalesce(extract(epoch FROM now() - (SELECT min(e.occurred_at) FROM outbox_events e WHERE e.dispatched_at IS NULL)), 0)::double precision
$$;
ALTER FUNCTION outbox_backlog(integer) OWNER TO tillwise_dispatcher;
REVOKE ALL ON FUNCTION outbox_backlog(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_backlog(integer) TO tillwise_app;

DO $$
DECLARE
  t regclass;
  predicate text := 'tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid';
BEGIN
  FOR t IN
    SELECT c.oid::regclass
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s FOR ALL USING (%s) WITH CHECK (%s)', t, predicate, predicate);
  END LOOP;
END $$;
