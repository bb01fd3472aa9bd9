-- Hand-added (as in 0001): RLS applies to the table owner too.
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "oauth_apps" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "oauth_app_secrets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "oauth_grants" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "oauth_tokens" FORCE ROW LEVEL SECURITY;