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
REVOKE UPDATE, DELETE ON audit_events, stock_movements, loyalty_ledger FROM tillwise_app;

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

-- Which tenants have webhook deliveries due at `due_at` (lib/webhooks/worker.ts): tenant ids only,
-- at most `cap`; the worker then leases, sends and records each tenant's deliveries inside
-- withTenant, under RLS. `due_at` is the caller's clock (the tests move it).
GRANT SELECT ON webhook_deliveries TO tillwise_dispatcher;
CREATE OR REPLACE FUNCTION webhook_tenants_due(due_at timestamptz, cap integer)
RETURNS TABLE (tenant_id uuid)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT DISTINCT d.tenant_id FROM (
    SELECT w.tenant_id FROM webhook_deliveries w
    WHERE w.status = 'pending' AND w.next_attempt_at <= due_at
    ORDER BY w.next_attempt_at
    LIMIT least(greatest(cap, 1), 10000)
  ) d
$$;
ALTER FUNCTION webhook_tenants_due(timestamptz, integer) OWNER TO tillwise_dispatcher;
REVOKE ALL ON FUNCTION webhook_tenants_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_tenants_due(timestamptz, integer) TO tillwise_app;

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

-- The Idempotency-Key's claim, completion and release (lib/platform/idempotency.ts), each one
-- statement instead of a transaction of 4–6: called by callTenantFunction (lib/platform/db.ts)
-- outside any transaction, so the statement is its own transaction and the role and tenant it
-- sets with set_config(…, true) end with it, as withTenant's do. SECURITY INVOKER on purpose:
-- RLS stays in force (on PGlite's superuser session the role switch is what applies it), and
-- the functions grant nothing a caller could not do in withTenant. plpgsql, not sql: a plpgsql
-- statement is planned when it first runs, after the role is set (a sql function's body would be
-- rewritten, RLS included, as the caller). Every statement also names tenant_id = p_tenant, so
-- on Citus each is a router query on the tenant's shard (scripts/citus/plan.ts distributes the
-- functions by p_tenant). Changing a RETURNS clause needs a DROP FUNCTION first.
CREATE OR REPLACE FUNCTION idempotency_claim(p_tenant uuid, p_key text, p_request_hash text, p_in_flight_seconds integer, p_ttl_hours integer)
RETURNS TABLE (outcome text, status integer, body text, content_type text, location text)
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
DECLARE
  k idempotency_keys%ROWTYPE;
BEGIN
  PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', p_tenant::text, true);
  -- A concurrent claim of the same key waits here on the primary key until the first commits.
  INSERT INTO idempotency_keys (tenant_id, key, request_hash, state, locked_until, created_at, expires_at)
  VALUES (p_tenant, p_key, p_request_hash, 'in_flight', now() + make_interval(secs => p_in_flight_seconds), now(), now() + make_interval(hours => p_ttl_hours))
  ON CONFLICT DO NOTHING;
  IF FOUND THEN
    RETURN QUERY SELECT 'owned', NULL::integer, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  -- A new snapshot (read committed): the row the insert met, committed.
  SELECT * INTO k FROM idempotency_keys i WHERE i.tenant_id = p_tenant AND i.key = p_key FOR UPDATE;
  IF NOT FOUND THEN
    -- Released or purged between the two statements.
    RETURN QUERY SELECT 'vanished', NULL::integer, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  IF k.expires_at > now() THEN
    IF k.request_hash <> p_request_hash THEN
      RETURN QUERY SELECT 'mismatch', NULL::integer, NULL::text, NULL::text, NULL::text;
      RETURN;
    END IF;
    IF k.state = 'completed' THEN
      RETURN QUERY SELECT 'replay', k.response_status, k.response_body, k.response_content_type, k.response_location;
      RETURN;
    END IF;
    IF k.locked_until > now() THEN
      RETURN QUERY SELECT 'in_flight', NULL::integer, NULL::text, NULL::text, NULL::text;
      RETURN;
    END IF;
  END IF;
  -- Expired, or in flight past its lock (its request died): this request takes the key over.
  UPDATE idempotency_keys i
  SET request_hash = p_request_hash, state = 'in_flight', locked_until = now() + make_interval(secs => p_in_flight_seconds),
      created_at = now(), expires_at = now() + make_interval(hours => p_ttl_hours),
      response_status = NULL, response_body = NULL, response_content_type = NULL, response_location = NULL
  WHERE i.tenant_id = p_tenant AND i.key = p_key;
  RETURN QUERY SELECT 'owned', NULL::integer, NULL::text, NULL::text, NULL::text;
END
$$;

CREATE OR REPLACE FUNCTION idempotency_complete(p_tenant uuid, p_key text, p_status integer, p_body text, p_content_type text, p_location text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', p_tenant::text, true);
  UPDATE idempotency_keys i
  SET state = 'completed', response_status = p_status, response_body = p_body, response_content_type = p_content_type, response_location = p_location
  WHERE i.tenant_id = p_tenant AND i.key = p_key;
END
$$;

-- Frees a key whose request failed (5xx or thrown), so the client's retry runs; a completed key stays.
CREATE OR REPLACE FUNCTION idempotency_release(p_tenant uuid, p_key text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM set_config('role', 'tillwise_app', true), set_config('app.tenant_id', p_tenant::text, true);
  DELETE FROM idempotency_keys i WHERE i.tenant_id = p_tenant AND i.key = p_key AND i.state = 'in_flight';
END
$$;

-- The next order number of a location's business day (lib/orders/orders.ts), called in the
-- order's own insert so that taking it costs no round trip of its own. Inside the sale's
-- transaction, as its caller's role and tenant (SECURITY INVOKER: RLS applies); the counter row
-- stays locked until the sale commits or rolls back, which keeps the day's numbers gapless.
CREATE OR REPLACE FUNCTION take_order_number(p_tenant uuid, p_location uuid, p_day date)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
DECLARE
  n integer;
BEGIN
  INSERT INTO order_counters AS c (tenant_id, location_id, business_date, last_number)
  VALUES (p_tenant, p_location, p_day, 1)
  ON CONFLICT (tenant_id, location_id, business_date) DO UPDATE SET last_number = c.last_number + 1
  RETURNING c.last_number INTO n;
  RETURN n;
END
$$;

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
