// Test double for @web/core/pager/pager: "1-80 / 200" with previous / next buttons, same props as Odoo's.
import { Component, xml } from "@odoo/owl";
import type { PagerProps } from "@web/core/pager/pager";

export class Pager extends Component<PagerProps> {
  static override template = xml`
    <nav class="o_pager" aria-label="Pager">
      <span class="o_pager_value" t-esc="(props.offset + 1) + '-' + Math.min(props.offset + props.limit, props.total)"/> /
      <span class="o_pager_limit" t-esc="props.total"/>
      <button class="o_pager_previous" t-on-click="() => this.move(-1)">Previous</button>
      <button class="o_pager_next" t-on-click="() => this.move(1)">Next</button>
    </nav>`;
  static override props = {
    offset: Number,
    limit: Number,
    total: Number,
    onUpdate: Function,
    isEditable: { type: Boolean, optional: true },
    withAccessKey: { type: Boolean, optional: true },
    updateTotal: { type: Function, optional: true },
  };

  move(direction: number): void {
    let offset = this.props.offset + direction * this.props.limit;
    if (offset >= this.props.total) offset = 0;
    if (offset < 0) offset = Math.max(0, (Math.ceil(this.props.total / this.props.limit) - 1) * this.props.limit);
    void this.props.onUpdate({ offset, limit: this.props.limit });
  }
}
