-- Custom migration (drizzle-kit generate --custom): what drizzle's schema cannot say.

-- 1. RLS applies to the table owner too (the app connects as the owner role).
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "products" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "devices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "device_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "device_connections" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "device_errors" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "commands" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_logs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- 2. Telemetry is range-partitioned by month on ts. The table is empty here, so recreate it.
DROP TABLE "telemetry";--> statement-breakpoint
CREATE TABLE "telemetry" (
	"tenant_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value_num" double precision,
	"value_bool" boolean,
	"value_str" text
) PARTITION BY RANGE ("ts");--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_device_key_ts_key" ON "telemetry" USING btree ("tenant_id","device_id","key","ts");--> statement-breakpoint
CREATE TABLE "telemetry_default" PARTITION OF "telemetry" DEFAULT;--> statement-breakpoint
ALTER TABLE "telemetry" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "telemetry" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "telemetry" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on') WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on');--> statement-breakpoint

-- Creates the monthly partitions from the month of `from_ts` for `months` months (idempotent).
-- The worker's retention schedule calls it ahead of time; rows outside any partition land in telemetry_default.
CREATE OR REPLACE FUNCTION aspen_ensure_telemetry_partitions(from_ts timestamptz, months int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  m timestamptz;
  name text;
BEGIN
  FOR i IN 0..months - 1 LOOP
    m := date_trunc('month', from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + make_interval(months => i);
    name := 'telemetry_' || to_char(m AT TIME ZONE 'UTC', 'YYYYMM');
    IF to_regclass(name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF telemetry FOR VALUES FROM (%L) TO (%L)', name, m, m + interval '1 month');
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
SELECT aspen_ensure_telemetry_partitions(now() - interval '1 month', 4);
