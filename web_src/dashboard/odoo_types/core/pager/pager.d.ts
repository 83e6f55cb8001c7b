// @web/core/pager/pager (odoo/addons/web/static/src/core/pager/pager.js): used in templates as <Pager>.
import { Component } from "@odoo/owl";

export interface PagerUpdate {
  offset: number;
  limit: number;
}

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onUpdate: (update: PagerUpdate) => void | Promise<void>;
  isEditable?: boolean;
  withAccessKey?: boolean;
}

export declare class Pager extends Component<PagerProps> {}
