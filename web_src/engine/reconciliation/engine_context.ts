import type { EngineSettings, SuggestRequest } from "../../contracts/reconcile";
import { CandidateIndex } from "./candidate_index";
import { HistoryIndex } from "./history_index";
import { PartnerResolver } from "./partner_resolver";
import { accountNumberKey } from "../shared/account_number_key";

/** Everything indexed once per request and shared by all its lines. */
export interface EngineContext {
  settings: EngineSettings;
  companyCurrency: string;
  index: CandidateIndex;
  history: HistoryIndex;
  partners: PartnerResolver;
  accountLabel: (accountId: number) => string;
  /** The company's own bank account numbers as compared (accountNumberKey). */
  ownAccounts: ReadonlySet<string>;
}

export function buildEngineContext(request: SuggestRequest): EngineContext {
  const history = new HistoryIndex(request.history);
  const accounts = new Map(request.accounts.map((a) => [a.id, a]));
  return {
    settings: request.settings,
    companyCurrency: request.companyCurrency,
    index: new CandidateIndex(request.candidates, request.settings),
    history,
    partners: new PartnerResolver(request.partners, history),
    accountLabel: (accountId) => {
      const account = accounts.get(accountId);
      return account === undefined ? `account #${accountId}` : `${account.code} ${account.name}`.trim();
    },
    ownAccounts: new Set((request.settings.ownBankAccounts ?? []).map(accountNumberKey).filter((k) => k.length >= 6)),
  };
}
