/** Most tokens the engine reads from one text: a 2,000-character label cannot cost more than this. */
export const MAX_TOKENS = 96;

/** Space-separated tokens of an already normalized text, at most MAX_TOKENS. */
export function tokens(normalized: string): string[] {
  if (normalized === "") return [];
  const parts = normalized.split(" ");
  return parts.length > MAX_TOKENS ? parts.slice(0, MAX_TOKENS) : parts;
}
