-- dashboards, dashboard_shares: their owner is subject to the tenant policy too (FORCE, like every tenant table).
ALTER TABLE "dashboards" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dashboard_shares" FORCE ROW LEVEL SECURITY;
