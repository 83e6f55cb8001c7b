import { Component } from "@odoo/owl";
import { _t } from "../l10n";
import { formatConfidence } from "../format";
import type { ConfidenceBand } from "../../contracts/dashboard";
import { confidenceBand } from "../filter_state";

export interface ConfidenceBadgeProps {
  confidence: number;
}

/** Green ≥ 95 %, amber ≥ 80 %, red below: colour plus a word, so the band does not rest on colour alone. */
export class ConfidenceBadge extends Component<ConfidenceBadgeProps> {
  static override template = "ai_bookkeeping.ConfidenceBadge";
  static override props = { confidence: Number };

  get band(): ConfidenceBand {
    return confidenceBand(this.props.confidence);
  }
  get text(): string {
    return formatConfidence(this.props.confidence);
  }
  get bandLabel(): string {
    const labels: Record<ConfidenceBand, string> = { high: _t("High"), medium: _t("Medium"), low: _t("Low") };
    return labels[this.band];
  }
  get ariaLabel(): string {
    return _t("Confidence %(value)s (%(band)s)", { value: this.text, band: this.bandLabel });
  }
}
