/** DATABASE_URL / REDIS_URL for the benches (their own database: `bash scripts/services.sh aspen_bench`). */
export function benchEnv() {
  const { DATABASE_URL, REDIS_URL } = process.env;
  if (!DATABASE_URL || !REDIS_URL) {
    console.error('bench: set DATABASE_URL and REDIS_URL (e.g. eval "$(bash scripts/services.sh aspen_b)" and npm run db:migrate)');
    process.exit(2);
  }
  return { DATABASE_URL, REDIS_URL };
}
