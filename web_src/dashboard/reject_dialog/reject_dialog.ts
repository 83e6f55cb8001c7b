import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";

export interface RejectDialogProps {
  close: () => void;
  /** "Reject 3 suggestions (1,250.00 €)?" — already translated and formatted by the caller. */
  title: string;
  body: string;
  /** Called with the trimmed reason, or null when none was given. */
  onConfirm: (reason: string | null) => void;
}

/** Confirms a rejection and takes an optional reason (kept on the suggestion for the AI's feedback loop). */
export class RejectDialog extends Component<RejectDialogProps> {
  static override template = "ai_bookkeeping.RejectDialog";
  static components = { Dialog };
  static override props = { close: Function, title: String, body: String, onConfirm: Function };

  state = useState({ reason: "" });

  confirm(): void {
    const reason = this.state.reason.trim();
    this.props.close();
    this.props.onConfirm(reason || null);
  }
}
