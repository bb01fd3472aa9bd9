/** DATABASE_URL / REDIS_URL for integration tests, with a clear message when they are missing. */
export function testEnv(): { DATABASE_URL: string; REDIS_URL: string } {
  const { DATABASE_URL, REDIS_URL } = process.env;
  if (!DATABASE_URL || !REDIS_URL) {
    throw new Error(
      "broker integration tests need DATABASE_URL and REDIS_URL: run them through `npm test`, or " +
        '`eval "$(bash scripts/services.sh aspen_b)"` first (migrations applied)',
    );
  }
  return { DATABASE_URL, REDIS_URL };
}
