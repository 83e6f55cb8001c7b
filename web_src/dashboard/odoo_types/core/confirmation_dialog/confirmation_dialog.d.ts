// @web/core/confirmation_dialog/confirmation_dialog: opened through the dialog service.
import { Component } from "@odoo/owl";

export interface ConfirmationDialogProps {
  close: () => void;
  title?: string;
  body?: string;
  confirm?: () => void | Promise<void>;
  confirmLabel?: string;
  confirmClass?: string;
  cancel?: () => void | Promise<void>;
  cancelLabel?: string;
  dismiss?: () => void | Promise<void>;
}

export declare class ConfirmationDialog extends Component<ConfirmationDialogProps> {}
