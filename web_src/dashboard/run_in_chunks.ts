// Bulk actions in chunks, one call after the other, never stopped by one bad row. Plain TypeScript, no OWL, no DOM.
import type { BulkOutcome } from "../contracts/dashboard";

/** Ids per bulk_* call: small enough for a quick answer and a moving progress bar, large enough to be few calls. */
export const CHUNK_SIZE = 50;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchResult {
  succeeded: number[];
  /** id → the sentence to show on that row. */
  failed: Map<number, string>;
}

export interface BatchOptions {
  chunkSize?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Message for a whole chunk whose call failed (network, server error): every id of that chunk gets it. */
  describeError: (error: unknown) => string;
  /** Message for an id the server did not answer for (e.g. deleted meanwhile). */
  missingMessage: string;
}

/**
 * Runs `call` on `ids` in chunks, one after the other. A failed row, or a whole failed chunk, is recorded and the
 * remaining chunks still run: the reviewer sees which rows need attention instead of a batch stopped half-way.
 */
export async function runInChunks(
  ids: readonly number[],
  call: (chunkIds: number[]) => Promise<BulkOutcome[]>,
  options: BatchOptions,
): Promise<BatchResult> {
  const result: BatchResult = { succeeded: [], failed: new Map() };
  const total = ids.length;
  let done = 0;
  options.onProgress?.({ done, total });
  for (const chunkIds of chunk(ids, options.chunkSize ?? CHUNK_SIZE)) {
    try {
      const outcomes = await call(chunkIds);
      const byId = new Map(outcomes.map((o) => [o.id, o]));
      for (const id of chunkIds) {
        const outcome = byId.get(id);
        if (!outcome) result.failed.set(id, options.missingMessage);
        else if (outcome.ok) result.succeeded.push(id);
        else result.failed.set(id, outcome.error ?? options.missingMessage);
      }
    } catch (error) {
      const message = options.describeError(error);
      for (const id of chunkIds) result.failed.set(id, message);
    }
    done += chunkIds.length;
    options.onProgress?.({ done, total });
  }
  return result;
}

