DROP INDEX "devices_tenant_created_idx";--> statement-breakpoint
CREATE INDEX "alarms_tenant_first_seen_idx" ON "alarms" USING btree ("tenant_id","first_seen_at","id");--> statement-breakpoint
CREATE INDEX "devices_tenant_created_idx" ON "devices" USING btree ("tenant_id","created_at","id");