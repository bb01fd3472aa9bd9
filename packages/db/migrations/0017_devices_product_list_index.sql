DROP INDEX "devices_tenant_product_idx";--> statement-breakpoint
CREATE INDEX "devices_tenant_product_created_idx" ON "devices" USING btree ("tenant_id","product_id","created_at","id");