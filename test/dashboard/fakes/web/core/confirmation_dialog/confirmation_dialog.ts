// Test double for @web/core/confirmation_dialog/confirmation_dialog: title, body, confirm and cancel buttons.
import { Component, xml } from "@odoo/owl";
import type { ConfirmationDialogProps } from "@web/core/confirmation_dialog/confirmation_dialog";

export class ConfirmationDialog extends Component<ConfirmationDialogProps> {
  static override template = xml`
    <div class="modal o_fake_confirmation" role="dialog">
      <h4 class="modal-title" t-esc="props.title"/>
      <p class="o_fake_confirmation_body" t-esc="props.body"/>
      <button class="btn btn-primary o_fake_confirm" t-on-click="onConfirm" t-esc="props.confirmLabel or 'Ok'"/>
      <button class="btn btn-secondary o_fake_cancel" t-on-click="onCancel">Cancel</button>
    </div>`;
  static override props = {
    close: Function,
    title: { type: String, optional: true },
    body: { type: String, optional: true },
    confirm: { type: Function, optional: true },
    confirmLabel: { type: String, optional: true },
    confirmClass: { type: String, optional: true },
    cancel: { type: Function, optional: true },
    cancelLabel: { type: String, optional: true },
    dismiss: { type: Function, optional: true },
  };

  async onConfirm(): Promise<void> {
    await this.props.confirm?.();
    this.props.close();
  }
  async onCancel(): Promise<void> {
    await this.props.cancel?.();
    this.props.close();
  }
}
