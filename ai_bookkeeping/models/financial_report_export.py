import base64

from odoo import _, models

from ..tools import xlsx_table

PDF_REPORT = "ai_bookkeeping.financial_report_pdf"


class AiFinancialReport(models.Model):
    _inherit = "ai.financial.report"

    def _render_attachment(self):
        """The report as a PDF attachment (its HTML rendering when wkhtmltopdf is missing, as the close pack)."""
        self.ensure_one()
        reports = self.env["ir.actions.report"]
        if reports.get_wkhtmltopdf_state() in ("ok", "upgrade"):
            content, kind = reports._render_qweb_pdf(PDF_REPORT, self.ids)
        else:
            content, kind = reports._render_qweb_html(PDF_REPORT, self.ids)
        extension = "pdf" if kind == "pdf" else "html"
        if isinstance(content, str):
            content = content.encode()
        return self.env["ir.attachment"].create({
            "name": "%s.%s" % (self.name, extension), "datas": base64.b64encode(content),
            "res_model": self._name, "res_id": self.id,
            "mimetype": "application/pdf" if extension == "pdf" else "text/html"})

    def _xlsx_sheets(self):
        """The three reports as tables for tools/xlsx_table, one sheet each, comparison columns side by side."""
        self.ensure_one()
        figures = self.figures or {}
        titles = {"pnl": _("Profit and loss"), "balance_sheet": _("Balance sheet"), "cash_flow": _("Cash flow")}
        sheets = []
        for report_key, title in titles.items():
            columns = self._column_labels(report_key)  # the balance sheet's are dates, the others' periods
            keys = [c["key"] for c in columns]
            rows = []
            for row in figures.get(report_key, []):
                values = [row["values"].get(k) for k in keys]
                cells = [row["label"]] + values + [_("draft") if row.get("draft") else ""]
                rows.append(cells + ([{"bold": True}] if row["kind"] != "line" else []))
            sheets.append({
                "name": title, "title": "%s — %s — %s" % (self.company_id.name, title, self.name),
                "columns": [{"label": _("Line"), "kind": "text"}]
                + [{"label": c["label"], "kind": "amount", "digits": self.currency_id.decimal_places}
                   for c in columns]
                + [{"label": _("Includes drafts"), "kind": "text"}],
                "rows": rows,
            })
        sheets.append({"name": _("Narrative"), "columns": [{"label": _("Narrative"), "kind": "text"}],
                       "rows": [[paragraph] for paragraph in (self.narrative_text or "").split("\n\n")]})
        return sheets

    def action_export_xlsx(self):
        self.ensure_one()
        content = xlsx_table.tables_to_xlsx(self._xlsx_sheets())
        attachment = self.env["ir.attachment"].create({
            "name": "%s.xlsx" % self.name, "datas": base64.b64encode(content), "res_model": self._name,
            "res_id": self.id, "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        return {"type": "ir.actions.act_url", "url": "/web/content/%d?download=true" % attachment.id,
                "target": "self"}

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref(PDF_REPORT).report_action(self)
