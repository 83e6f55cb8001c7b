import { Component } from "@odoo/owl";
import type { ConfidenceBandLabel } from "../../contracts/dashboard";
import { formatConfidence } from "../format";
import { _t } from "../l10n";
import { bandOf } from "../review_labels";

export interface ConfidenceBadgeProps {
  confidence: number;
  /** The server's bands (dashboard_labels); none yet: a plain percentage. */
  bands: readonly ConfidenceBandLabel[];
}

/** Green, amber or red by the server's bands, plus the band's word, so the band does not rest on colour alone. */
export class ConfidenceBadge extends Component<ConfidenceBadgeProps> {
  static override template = "ai_bookkeeping.ConfidenceBadge";
  static override props = { confidence: Number, bands: Array };

  get band(): ConfidenceBandLabel | undefined {
    return bandOf(this.props.bands, this.props.confidence);
  }
  get text(): string {
    return formatConfidence(this.props.confidence);
  }
  get ariaLabel(): string {
    const band = this.band;
    return band ? _t("Confidence %(value)s (%(band)s)", { value: this.text, band: band.name }) : _t("Confidence %s", this.text);
  }
}
