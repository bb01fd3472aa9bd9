/**
 * Runs once when the Next.js server starts (not during `next build`): checks
 * the environment and that Redis keeps data (appendonly, noeviction), and
 * refuses to start otherwise, with a message naming what to fix.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startupCheck } = await import("./server/startup");
  await startupCheck();
  const { answerApiRequest } = await import("./server/api/v1/handler");
  (globalThis as { __aspenApiHandler?: typeof answerApiRequest }).__aspenApiHandler = answerApiRequest;
}
