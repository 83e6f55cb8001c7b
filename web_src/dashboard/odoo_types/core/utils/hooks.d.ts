// @web/core/utils/hooks (odoo/addons/web/static/src/core/utils/hooks.js) and the services we take from it.
import type { ComponentConstructor } from "@odoo/owl";

/** Odoo domain, e.g. [["type", "in", ["bank", "cash"]]]. */
export type DomainLeaf = [string, string, unknown];
export type Domain = Array<"&" | "|" | "!" | DomainLeaf>;

/** core/orm_service.js. Results are `unknown` on purpose: callers validate what the server sent. */
export interface OrmService {
  call(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
  searchRead(model: string, domain: Domain, fields: string[], kwargs?: { limit?: number; order?: string }): Promise<unknown>;
}

/** The act_window shape we open; webclient/actions/action_service.js accepts many more. */
export interface ActWindowRequest {
  type: "ir.actions.act_window";
  res_model: string;
  res_id?: number;
  views: Array<[number | false, string]>;
  target?: "current" | "new";
}

/** Any action a model method returned (validated by the caller to have a `type`). */
export interface ServerActionRequest {
  type: string;
  [key: string]: unknown;
}

export interface ActionService {
  doAction(action: ActWindowRequest | ServerActionRequest, options?: { onClose?: () => void }): Promise<void>;
}

/** core/notifications/notification_service.js */
export interface NotificationService {
  add(
    message: string,
    options?: { title?: string; type?: "info" | "success" | "warning" | "danger"; sticky?: boolean },
  ): () => void;
}

/** Props a component receives from the dialog service, besides its own. */
export interface DialogServiceProps {
  close: () => void;
}

/** core/dialog/dialog_service.js: renders `component` with `props` plus `close`; returns a function that closes it. */
export interface DialogService {
  add<P extends DialogServiceProps>(
    component: ComponentConstructor<P>,
    props: Omit<P, "close">,
    options?: { onClose?: () => void },
  ): () => void;
}

export interface Services {
  orm: OrmService;
  action: ActionService;
  notification: NotificationService;
  dialog: DialogService;
}

export declare function useService<K extends keyof Services>(name: K): Services[K];
