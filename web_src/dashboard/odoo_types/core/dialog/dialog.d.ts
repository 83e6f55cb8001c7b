// @web/core/dialog/dialog (odoo/addons/web/static/src/core/dialog/dialog.js): used in templates as <Dialog>.
import { Component } from "@odoo/owl";

export interface DialogProps {
  title?: string;
  size?: "sm" | "md" | "lg" | "xl" | "fs" | "fullscreen";
  footer?: boolean;
  header?: boolean;
  contentClass?: string;
  bodyClass?: string;
  withBodyPadding?: boolean;
}

export declare class Dialog extends Component<DialogProps> {}
