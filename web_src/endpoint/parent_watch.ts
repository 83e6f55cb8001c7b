// The bundled endpoint belongs to the Odoo server that started it: Odoo passes its own pid
// (AI_BOOKKEEPING_PARENT_PID) and the endpoint stops when that process is gone, even if Odoo was killed and had no
// chance to stop it. Polling, because a process cannot be notified of the death of one that is not its parent.

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Call `onGone` once, when process `pid` has exited; returns a function that stops watching. */
export function watchParent(pid: number, onGone: () => void, intervalMs = 1_000): () => void {
  const timer = setInterval(() => {
    if (isProcessAlive(pid)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref(); // never what keeps the endpoint alive
  return () => clearInterval(timer);
}
