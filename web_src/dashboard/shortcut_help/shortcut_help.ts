import { Component, onMounted, useRef } from "@odoo/owl";
import { _t } from "../l10n";
import { SHORTCUTS, type KeyCommand } from "../keyboard";

export interface ShortcutHelpProps {
  onClose: () => void;
}

/** The "?" overlay listing the keyboard shortcuts. */
export class ShortcutHelp extends Component<ShortcutHelpProps> {
  static override template = "ai_bookkeeping.ShortcutHelp";
  static override props = { onClose: Function };

  private closeRef = useRef("close");

  override setup(): void {
    onMounted(() => this.closeRef.el?.focus());
  }

  get shortcuts(): Array<{ keys: string; label: string }> {
    const labels: Record<KeyCommand, string> = {
      next: _t("Next suggestion"),
      previous: _t("Previous suggestion"),
      toggleSelect: _t("Select / unselect"),
      approve: _t("Approve"),
      reject: _t("Reject (asks for a reason)"),
      edit: _t("Choose another match, then approve"),
      open: _t("Open the suggestion"),
      help: _t("Show / hide this help"),
      closeHelp: _t("Close this help"),
    };
    return SHORTCUTS.map(([keys, command]) => ({ keys, label: labels[command] }));
  }
}
