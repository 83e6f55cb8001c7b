/**
 * The message to show for a failed call. Odoo's RPCError carries the server's sentence in `data.message` (a
 * UserError: "Only pending suggestions can be edited."); a ConnectionLostError or anything else has `message`.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const data = (error as { data?: unknown }).data;
    if (typeof data === "object" && data !== null) {
      const message = (data as { message?: unknown }).message;
      if (typeof message === "string" && message) return message;
    }
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return typeof error === "string" && error ? error : String(error);
}
