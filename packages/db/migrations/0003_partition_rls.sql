-- Custom migration (drizzle-kit generate --custom): row-level security on every telemetry partition.
-- A partition queried directly is not covered by the parent's policy, so each one gets its own
-- (ENABLE + FORCE + the same tenant_isolation policy), now and for every partition made later.

CREATE OR REPLACE FUNCTION aspen_secure_partition(part regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', part);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', part);
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = part AND polname = 'tenant_isolation') THEN
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %s AS PERMISSIVE FOR ALL TO public
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, part);
  END IF;
END $$;--> statement-breakpoint

-- Runs as its owner (the tables' owner) so that the system role, which owns nothing, can make partitions.
CREATE OR REPLACE FUNCTION aspen_ensure_telemetry_partitions(from_ts timestamptz, months int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m timestamptz;
  name text;
BEGIN
  FOR i IN 0..months - 1 LOOP
    m := date_trunc('month', from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + make_interval(months => i);
    name := 'telemetry_' || to_char(m AT TIME ZONE 'UTC', 'YYYYMM');
    IF to_regclass(name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF telemetry FOR VALUES FROM (%L) TO (%L)', name, m, m + interval '1 month');
      PERFORM aspen_secure_partition(name::regclass);
    END IF;
  END LOOP;
END $$;--> statement-breakpoint

DO $$
DECLARE part regclass;
BEGIN
  FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'telemetry'::regclass LOOP
    PERFORM aspen_secure_partition(part);
  END LOOP;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION aspen_secure_partition(regclass) FROM PUBLIC;
