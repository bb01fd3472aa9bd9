CREATE TABLE "telemetry_dirty" (
	"id" bigserial NOT NULL,
	"tenant_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telemetry_dirty" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "telemetry_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_by" uuid,
	"device_id" uuid,
	"product_id" uuid,
	"keys" text[],
	"from" timestamp with time zone NOT NULL,
	"to" timestamp with time zone NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"row_count" bigint DEFAULT 0 NOT NULL,
	"expected_rows" bigint DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"file_name" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "telemetry_exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "telemetry_rollup_1h" (
	"tenant_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"sum" double precision NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "telemetry_rollup_1h_pkey" PRIMARY KEY("tenant_id","device_id","key","bucket")
);
--> statement-breakpoint
ALTER TABLE "telemetry_rollup_1h" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "telemetry_rollup_1m" (
	"tenant_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"sum" double precision NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "telemetry_rollup_1m_pkey" PRIMARY KEY("tenant_id","device_id","key","bucket")
);
--> statement-breakpoint
ALTER TABLE "telemetry_rollup_1m" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "telemetry_rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"rolled_up_to" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "telemetry_exports" ADD CONSTRAINT "telemetry_exports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_exports" ADD CONSTRAINT "telemetry_exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_exports" ADD CONSTRAINT "telemetry_exports_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_exports" ADD CONSTRAINT "telemetry_exports_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telemetry_exports_tenant_idx" ON "telemetry_exports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "telemetry_dirty" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "telemetry_exports" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "telemetry_rollup_1h" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "telemetry_rollup_1m" AS PERMISSIVE FOR ALL TO public USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);