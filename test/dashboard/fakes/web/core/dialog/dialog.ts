// Test double for @web/core/dialog/dialog: a plain modal with the title, the default slot and the footer slot.
import { Component, xml } from "@odoo/owl";
import type { DialogProps } from "@web/core/dialog/dialog";

export class Dialog extends Component<DialogProps> {
  static override template = xml`
    <div class="modal o_fake_dialog" role="dialog" t-att-aria-label="props.title">
      <h4 class="modal-title" t-esc="props.title"/>
      <main class="modal-body"><t t-slot="default"/></main>
      <footer class="modal-footer"><t t-slot="footer"/></footer>
    </div>`;
  static override props = {
    title: { type: String, optional: true },
    size: { type: String, optional: true },
    footer: { type: Boolean, optional: true },
    header: { type: Boolean, optional: true },
    contentClass: { type: String, optional: true },
    bodyClass: { type: String, optional: true },
    withBodyPadding: { type: Boolean, optional: true },
    slots: { type: Object },
  };
}
