// Limits on the text every workflow's payloads carry, and that the shared text helpers (web_src/engine/shared) rely on.

/** Longest label the engine looks at. Odoo truncates before sending and logs it; the endpoint refuses longer. */
export const MAX_LABEL_LENGTH = 2_000;
