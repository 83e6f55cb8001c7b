from odoo import api, fields, models

from ..tools import llm_usage


class AiLlmUsage(models.Model):
    """What the language model behind the AI endpoint cost, per company, month and model (one row each)."""

    _name = "ai.llm.usage"
    _description = "AI language model usage"
    _order = "month desc, company_id, model_name"

    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    month = fields.Date(required=True, index=True, help="First day of the month the usage belongs to.")
    model_name = fields.Char(string="Model", required=True)
    calls = fields.Integer(help="Chat completions answered by the provider.")
    cache_hits = fields.Integer(help="Questions the endpoint answered from its cache, at no cost.")
    prompt_tokens = fields.Integer()
    completion_tokens = fields.Integer()
    total_tokens = fields.Integer(compute="_compute_total_tokens", store=True)
    cost_usd = fields.Float(string="Cost (USD)", digits=(16, 6), help="Estimated from the endpoint's token prices.")

    _sql_constraints = [
        ("company_month_model_unique", "unique(company_id, month, model_name)",
         "There is one usage row per company, month and model."),
    ]

    @api.depends("prompt_tokens", "completion_tokens")
    def _compute_total_tokens(self):
        for usage in self:
            usage.total_tokens = usage.prompt_tokens + usage.completion_tokens

    @api.model
    def _record_reply_usage(self, company, reply):
        """Add the usage an endpoint reply reports to this month's row of ``company``. Replies without usage (no
        LLM configured) or that did not consult the model add nothing."""
        usage = llm_usage.parse_usage(reply)
        if usage is None or llm_usage.is_empty(usage):
            return self.browse()
        month = llm_usage.month_start(fields.Date.context_today(self))
        # sudo: usage is written by the system on behalf of whoever asked for suggestions (a reviewer, the cron);
        # people can only read it.
        Usage = self.sudo()
        row = Usage.search([("company_id", "=", company.id), ("month", "=", month),
                            ("model_name", "=", usage["model"])], limit=1)
        if not row:
            row = Usage.create({"company_id": company.id, "month": month, "model_name": usage["model"]})
        row.write({
            "calls": row.calls + usage["calls"],
            "cache_hits": row.cache_hits + usage["cache_hits"],
            "prompt_tokens": row.prompt_tokens + usage["prompt_tokens"],
            "completion_tokens": row.completion_tokens + usage["completion_tokens"],
            "cost_usd": row.cost_usd + usage["cost_usd"],
        })
        return row.sudo(False)

    @api.model
    def _month_totals(self, companies):
        """``{"tokens", "cost"}`` of ``companies`` for the current month."""
        month = llm_usage.month_start(fields.Date.context_today(self))
        # sudo: a total of the caller's own companies (the domain), shown in the dashboard to anyone who sees it.
        groups = self.sudo()._read_group(
            [("company_id", "in", companies.ids), ("month", "=", month)],
            aggregates=["total_tokens:sum", "cost_usd:sum"],
        )
        tokens, cost = groups[0] if groups else (0, 0.0)
        return {"tokens": int(tokens or 0), "cost": float(cost or 0.0)}

    @api.model
    def _llm_allowed(self, company):
        """False when ``company``'s monthly LLM budget is spent: the request then tells the endpoint not to use it."""
        spent = self._month_totals(company)["cost"]
        return llm_usage.llm_allowed(company.ai_llm_monthly_budget, spent)

    @api.model
    def _dashboard_kpis(self, companies):
        """This month's LLM tokens and cost of ``companies``, for the review dashboard's key figures."""
        totals = self._month_totals(companies)
        return {"llmTokensMonth": totals["tokens"], "llmCostMonth": round(totals["cost"], 4)}
