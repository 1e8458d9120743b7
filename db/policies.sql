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
    -- The outbox dispatcher's role: it must find pending events of every tenant, so it
    -- bypasses RLS — and may touch nothing but the outbox (grants below). The app switches
    -- to it only inside lib/events/dispatcher.ts.
    CREATE ROLE tillwise_dispatcher NOLOGIN NOSUPERUSER BYPASSRLS NOINHERIT;
  END IF;
END $$;
GRANT tillwise_dispatcher TO tillwise_app;

GRANT USAGE ON SCHEMA public TO tillwise_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tillwise_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tillwise_app;

-- Platform table: businesses are created and renamed, never deleted by the app.
REVOKE DELETE ON tenants FROM tillwise_app;
-- Append-only records.
REVOKE UPDATE, DELETE ON audit_events, stock_movements FROM tillwise_app;

GRANT USAGE ON SCHEMA public TO tillwise_dispatcher;
GRANT SELECT, UPDATE ON outbox_events TO tillwise_dispatcher;

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
