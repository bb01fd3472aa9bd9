-- user_sessions: the owner is subject to its system-only policy too (like webhook_secrets in 0005).
ALTER TABLE "user_sessions" FORCE ROW LEVEL SECURITY;
