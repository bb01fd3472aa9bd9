-- Custom migration (drizzle-kit generate --custom): history tables' FORCE RLS and the dirty-minute trigger.

ALTER TABLE "telemetry_rollup_1m" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "telemetry_rollup_1h" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "telemetry_dirty" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "telemetry_exports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Every insert statement into telemetry (multi-row INSERT or COPY, also ON CONFLICT DO NOTHING: only the
-- rows really inserted are in the transition table) records the (device, key, minute) it touched, once
-- per statement. Minutes are epoch-aligned (independent of the session time zone). The rollup job drains
-- the table, so late data recomputes exactly the buckets it landed in. Strings are not rolled up.
CREATE OR REPLACE FUNCTION aspen_telemetry_mark_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO telemetry_dirty (tenant_id, device_id, key, bucket)
  SELECT DISTINCT n.tenant_id, n.device_id, n.key, date_bin(interval '1 minute', n.ts, timestamptz 'epoch')
  FROM new_rows n
  WHERE n.value_num IS NOT NULL OR n.value_bool IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "telemetry_mark_dirty" AFTER INSERT ON "telemetry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aspen_telemetry_mark_dirty();
--> statement-breakpoint

-- Retention drops whole month partitions. The system role owns no table, so this runs as the owner; it
-- takes only names of monthly partitions of telemetry, and waits at most 3 s for the parent's lock.
CREATE OR REPLACE FUNCTION aspen_drop_telemetry_partition(part text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF part !~ '^telemetry_[0-9]{6}$' OR NOT EXISTS (
    SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'telemetry'::regclass AND c.relname = part
  ) THEN
    RAISE EXCEPTION 'not a monthly telemetry partition: %', part;
  END IF;
  SET LOCAL lock_timeout = '3s';
  EXECUTE format('ALTER TABLE telemetry DETACH PARTITION %I', part);
  EXECUTE format('DROP TABLE %I', part);
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION aspen_drop_telemetry_partition(text) FROM PUBLIC;
