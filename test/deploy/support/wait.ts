/** Polls `check` until it holds (no fixed sleep stands for an event: this waits on the event itself). */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 50, what }: { timeoutMs?: number; intervalMs?: number; what: () => string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
