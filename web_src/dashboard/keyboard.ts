// The queue's keyboard: which key means which command, the help overlay's list, cursor moves. No OWL, no DOM.

export type KeyCommand = "next" | "previous" | "approve" | "reject" | "toggleSelect" | "edit" | "open" | "help" | "closeHelp";

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The key was typed into an input, select, textarea or contenteditable. */
  inEditable: boolean;
}

const KEYMAP: Readonly<Record<string, KeyCommand>> = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  a: "approve",
  r: "reject",
  x: "toggleSelect",
  e: "edit",
  Enter: "open",
  "?": "help",
  Escape: "closeHelp",
};

/** The dashboard command for a key press, or null to let the browser (or Odoo) have it. */
export function commandForKey(input: KeyInput): KeyCommand | null {
  if (input.inEditable || input.ctrlKey || input.altKey || input.metaKey) return null;
  return KEYMAP[input.key] ?? null;
}

/** The shortcuts, for the help overlay (keys as shown, command). */
export const SHORTCUTS: ReadonlyArray<[string, KeyCommand]> = [
  ["j / ↓", "next"],
  ["k / ↑", "previous"],
  ["x", "toggleSelect"],
  ["a", "approve"],
  ["r", "reject"],
  ["e", "edit"],
  ["Enter", "open"],
  ["?", "help"],
];

/** Cursor after a move, kept inside the page; -1 for an empty page. */
export function moveCursor(cursor: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (cursor < 0) return delta >= 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, cursor + delta));
}

