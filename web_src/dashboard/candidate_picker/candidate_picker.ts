import { Component, onWillStart, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "../l10n";
import type { CandidateChoice } from "../../contracts/dashboard";
import { filterCandidates } from "../filter_candidates";

export interface CandidatePickerProps {
  close: () => void;
  /** Describes the bank line being corrected, for the title. */
  title: string;
  load: () => Promise<CandidateChoice[]>;
  /** The reviewer picked an alternative: the dashboard points the suggestion at it and approves. */
  onChoose: (choice: CandidateChoice) => void;
  /** Turns a failed load into a sentence. */
  describeError: (error: unknown) => string;
}

/** Quick picker of alternatives (open items, then accounts) for "edit before approve". */
export class CandidatePicker extends Component<CandidatePickerProps> {
  static override template = "ai_bookkeeping.CandidatePicker";
  static components = { Dialog };
  static override props = { close: Function, title: String, load: Function, onChoose: Function, describeError: Function };

  state = useState({ loading: true, error: "", query: "", choices: [] as CandidateChoice[] });

  override setup(): void {
    onWillStart(async () => {
      try {
        this.state.choices = await this.props.load();
      } catch (error) {
        this.state.error = this.props.describeError(error);
      } finally {
        this.state.loading = false;
      }
    });
  }

  get items(): CandidateChoice[] {
    return filterCandidates(this.state.choices, this.state.query).filter((c) => c.kind === "item");
  }

  get accounts(): CandidateChoice[] {
    return filterCandidates(this.state.choices, this.state.query).filter((c) => c.kind === "account");
  }

  get emptyText(): string {
    return this.state.query ? _t("Nothing matches “%s”.", this.state.query) : _t("No alternative found.");
  }

  choose(choice: CandidateChoice): void {
    this.props.close();
    this.props.onChoose(choice);
  }
}
