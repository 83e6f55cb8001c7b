import base64
import io
import zipfile
from collections import defaultdict
from unittest import SkipTest

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools.translate import code_translations

from ..tools import financial_report_figures as figures
from ..tools import financial_report_narrative as frn
from ..tools import financial_report_planted as planted
from .common import AiBookkeepingCase

PNL_SIGN = {t: sign for _k, _l, types, sign in figures.PNL_SECTIONS for t in types}


def value(rows, key, column="current"):
    return next(r["values"].get(column, 0.0) for r in rows if r["key"] == key)


class FinancialReportCase(AiBookkeepingCase):
    def make_report(self, date_from="2026-02-01", date_to="2026-02-28", company=None, **values):
        report = self.env["ai.financial.report"].create({
            "company_id": (company or self.env.company).id, "date_from": date_from, "date_to": date_to, **values})
        report.action_generate()
        return report

    def trial_balance_by_type(self, company, date_from=None, date_to=None, states=("posted",)):
        """Odoo's own trial balance: journal items summed by account (read_group), then by account type."""
        domain = [("company_id", "=", company.id), ("parent_state", "in", states)]
        if date_from:
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<=", date_to))
        totals = defaultdict(float)
        for account, balance in self.env["account.move.line"]._read_group(domain, ["account_id"], ["balance:sum"]):
            totals[account.account_type] += balance
        return totals

    def assert_matches_trial_balance(self, report):
        company, pnl, bs = report.company_id, report.figures["pnl"], report.figures["balance_sheet"]
        states = ("posted", "draft") if report.include_draft else ("posted",)
        period = self.trial_balance_by_type(company, report.date_from, report.date_to, states)
        for key, _label, types, sign in figures.PNL_SECTIONS:
            self.assertAlmostEqual(value(pnl, key), sign * sum(period[t] for t in types), 2, key)
        self.assertAlmostEqual(value(pnl, "net_profit"), -sum(period[t] for t in figures.PNL_TYPES), 2)
        cumulative = self.trial_balance_by_type(company, None, report.date_to, states)
        for key, _label, types, sign, _group in figures.BS_SECTIONS:
            self.assertAlmostEqual(value(bs, key), sign * sum(cumulative[t] for t in types), 2, key)
        self.assertAlmostEqual(value(bs, "total_assets"), value(bs, "total_liabilities_equity"), 2)
        for checks in report.figures["checks"].values():
            self.assertEqual(checks, {"balance_sheet_gap": 0.0, "cash_flow_gap": 0.0})
        cf = report.figures["cash_flow"]
        self.assertAlmostEqual(value(cf, "cf_net_change"), period["asset_cash"], 2)


@tagged("post_install", "-at_install")
class TestFinancialReportFigures(FinancialReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.product_a
        for date, amount in (("2026-01-10", 1000.0), ("2026-02-10", 1500.0), ("2026-02-20", 700.0)):
            cls.make_invoice(amount, date=date)
        cls.make_invoice(400.0, move_type="in_invoice", date="2026-02-12")
        cls.make_st_line(1000.0, "payment", date="2026-02-15")  # bank in, suspense out
        cls.draft = cls.init_invoice("out_invoice", partner=cls.partner_b, invoice_date="2026-02-25",
                                     amounts=[300.0], taxes=cls.env["account.tax"])

    def test_figures_equal_the_trial_balance_by_account_type(self):
        report = self.make_report()
        self.assert_matches_trial_balance(report)
        self.assertEqual(value(report.figures["pnl"], "revenue"), 2200.0)
        self.assertEqual(value(report.figures["pnl"], "revenue", "previous"), 1000.0)

    def test_drafts_count_only_when_asked_and_are_marked(self):
        report = self.make_report(include_draft=True)
        self.assert_matches_trial_balance(report)
        self.assertEqual(value(report.figures["pnl"], "revenue"), 2500.0)
        revenue_line = next(r for r in report.figures["pnl"] if r["kind"] == "line" and r.get("section") == "revenue")
        self.assertEqual(revenue_line["draft"], {"current": 300.0})

    def test_every_figure_drills_down_to_its_journal_items(self):
        report = self.make_report()
        AML = self.env["account.move.line"]
        for report_key in ("pnl", "balance_sheet"):
            for row in report.figures[report_key]:
                if row["kind"] == "total" or row["key"] in ("retained_earnings", "current_year_earnings"):
                    continue
                action = report.action_drill_down(report_key, row["key"], "current")
                self.assertEqual(action["res_model"], "account.move.line")
                items = AML.search(action["domain"])
                sign = 1 if report_key == "pnl" and row.get("section") in figures.EXPENSE_KEYS else -1
                if report_key == "balance_sheet":
                    sign = next((s for k, _l, _t, s, _g in figures.BS_SECTIONS
                                 if k == row.get("section", row["key"])), 1)
                elif row.get("section") is None:
                    sign = next(s for k, _l, _t, s in figures.PNL_SECTIONS if k == row["key"])
                self.assertAlmostEqual(sign * sum(items.mapped("balance")), row["values"]["current"], 2, row["key"])

    def test_budget_from_csv(self):
        income = self.company_data["default_account_revenue"]
        csv = "account;month;amount\n%s;2026-02;2 000,00\n%s;2026-03;5\n" % (income.code, income.code)
        wizard = self.env["financial.report.budget.import"].create({"file": base64.b64encode(csv.encode())})
        wizard.action_import()
        report = self.make_report()
        self.assertEqual(value(report.figures["pnl"], "revenue", "budget"), 2000.0)
        bad = self.env["financial.report.budget.import"].create({"file": base64.b64encode(b"account;month\nx;y\n")})
        with self.assertRaisesRegex(UserError, "no column amount"):
            bad.action_import()

    def test_offline_narrative_states_only_facts(self):
        report = self.make_report()
        self.assertEqual(report.narrative_source, "offline")
        self.assertIn("Revenue rose", report.narrative_text)
        self.assertEqual(frn.check_narrative(report.narrative_text, report.analysis["facts"], report._locale()), [])

    def test_french_narrative_through_odoo_translations(self):
        # Odoo reads a .po merged with the module's .pot: strings the .pot does not list yet are dropped.
        if not code_translations.get_python_translations("ai_bookkeeping", "fr_FR").get(frn.T["up"]):
            raise SkipTest("i18n/ai_bookkeeping.pot does not list the narrative's templates yet: run npm run i18n")
        self.env["res.lang"]._activate_lang("fr_FR")
        report = self.make_report()
        french = report.with_context(lang="fr_FR")
        french.action_generate()
        self.assertIn("Chiffre d'affaires a augmenté de", french.narrative_text)
        self.assertEqual(frn.check_narrative(french.narrative_text, french.analysis["facts"], french._locale()), [])
        self.assertEqual(value(french.figures["pnl"], "revenue"), 2200.0)
        self.assertIn("Chiffre d'affaires", [r["label"] for r in french.figures["pnl"]])

    def test_exports(self):
        report = self.make_report()
        action = report.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        with zipfile.ZipFile(io.BytesIO(attachment.raw)) as workbook:
            self.assertIn("xl/workbook.xml", workbook.namelist())
            strings = workbook.read("xl/sharedStrings.xml").decode()
        self.assertIn("Net profit", strings)
        html = self.env["ir.actions.report"]._render_qweb_html("ai_bookkeeping.financial_report_pdf", report.ids)[0]
        self.assertIn(b"Profit and loss", html)
        self.assertIn(report.narrative_text.split(".")[0].encode(), html)

    def test_view_data_for_the_client_action(self):
        data = self.env["ai.financial.report"].get_view_data(
            options={"date_from": "2026-02-01", "date_to": "2026-02-28"})
        self.assertEqual([c["key"] for c in data["columns"]], ["current", "previous", "last_year"])
        self.assertEqual(len(data["trend"]), 12)
        self.assertTrue(data["narrative"]["pnl"])
        again = self.env["ai.financial.report"].get_view_data(
            options={"date_from": "2026-02-01", "date_to": "2026-02-28"})
        self.assertEqual(again["id"], data["id"], "the same report is generated again, not stored twice")

    def test_analytic_filter_counts_the_share_of_the_filtered_account(self):
        plan = self.env["account.analytic.plan"].create({"name": "Projects (reports)"})
        first, second = self.env["account.analytic.account"].create([
            {"name": "Project 40", "plan_id": plan.id}, {"name": "Project 60", "plan_id": plan.id}])
        invoice = self.init_invoice("out_invoice", partner=self.partner_a, invoice_date="2026-02-18",
                                    amounts=[1000.0], taxes=self.env["account.tax"])
        invoice.invoice_line_ids.analytic_distribution = {str(first.id): 40.0, str(second.id): 60.0}
        invoice.action_post()
        unfiltered = self.make_report()
        self.assertEqual(value(unfiltered.figures["pnl"], "revenue"), 3200.0, "unfiltered, the item counts in full")
        column = plan._column_name()
        for account, share in ((first, 400.0), (second, 600.0), (first | second, 1000.0)):
            report = self.make_report(analytic_account_ids=[Command.set(account.ids)])
            pnl = report.figures["pnl"]
            self.assertAlmostEqual(value(pnl, "revenue"), share, 2, account.mapped("name"))
            self.assertAlmostEqual(value(pnl, "net_profit"), share, 2)
            # Odoo's own analytic report: the analytic lines of the account(s) over the period.
            analytic = sum(self.env["account.analytic.line"].search([
                (column, "in", account.ids), ("date", ">=", "2026-02-01"), ("date", "<=", "2026-02-28")
            ]).mapped("amount"))
            self.assertAlmostEqual(value(pnl, "net_profit"), analytic, 2)
            # The drill-down's items, each at the filtered account's share, make the figure.
            revenue = next(r for r in pnl if r["kind"] == "line" and r.get("section") == "revenue")
            action = report.action_drill_down("pnl", revenue["key"], "current")
            items = self.env["account.move.line"].search(action["domain"])
            self.assertAlmostEqual(-sum(line.balance * report._analytic_share(line) / 100.0 for line in items),
                                   revenue["values"]["current"], 2)
            self.assertIn("share", action["name"])

    def test_balance_sheet_columns_are_positions_at_dates(self):
        report = self.make_report()
        data = report._view_data()
        self.assertEqual([c["label"] for c in data["columns"]],
                         ["This period", "Previous period", "Same period last year"])
        self.assertEqual([c["label"] for c in data["balance_sheet_columns"]],
                         ["At 02/28/2026", "At 01/31/2026", "At 02/28/2025"])
        self.assertEqual([c["label"] for c in report._column_labels("balance_sheet")],
                         ["At 02/28/2026", "At 01/31/2026", "At 02/28/2025"])
        sheets = {sheet["name"]: sheet for sheet in report._xlsx_sheets()}
        self.assertEqual([c["label"] for c in sheets["Balance sheet"]["columns"][1:4]],
                         ["At 02/28/2026", "At 01/31/2026", "At 02/28/2025"])
        self.assertEqual([c["label"] for c in sheets["Profit and loss"]["columns"][1:4]],
                         ["This period", "Previous period", "Same period last year"])
        html = self.env["ir.actions.report"]._render_qweb_html("ai_bookkeeping.financial_report_pdf", report.ids)[0]
        self.assertIn(b"At 02/28/2026", html)
        self.assertIn(b"Same period last year", html)

    def test_only_accounting_users_of_the_company_read_reports(self):
        report = self.make_report()
        other = self.setup_other_company(name="Other reports company")["company"]
        outsider = new_test_user(self.env, login="fr_outsider", groups="account.group_account_user,base.group_user",
                                 company_id=other.id, company_ids=[Command.set(other.ids)])
        with self.assertRaises(AccessError):
            report.with_user(outsider).read(["narrative_text"])
        self.assertFalse(self.env["ai.financial.report"].with_user(outsider).search([("id", "=", report.id)]))
        employee = new_test_user(self.env, login="fr_employee", groups="base.group_user",
                                 company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        with self.assertRaises(AccessError):
            report.with_user(employee).read(["narrative_text"])
        insider = new_test_user(self.env, login="fr_insider", groups="account.group_account_readonly,base.group_user",
                                company_id=self.env.company.id, company_ids=[Command.set(self.env.company.ids)])
        self.assertTrue(report.with_user(insider).narrative_text)

    def test_schedule_posts_and_mails_after_the_close(self):
        close = self.env["ai.period.close"].create({"date_from": "2026-02-01", "date_to": "2026-02-28"})
        channel = self.env["discuss.channel"].create({"name": "Finance"})
        recipient = self.env["res.partner"].create({"name": "Owner", "email": "owner@example.com"})
        schedule = self.env["financial.report.schedule"].create({
            "channel_id": channel.id, "recipient_ids": [Command.set(recipient.ids)]})
        self.env["financial.report.schedule"]._cron_send_reports()
        self.assertFalse(schedule.report_ids, "nothing is sent before the close is locked")
        close.sudo().write({"state": "locked"})
        self.env.ref("ai_bookkeeping.ir_cron_financial_report_schedule").method_direct_trigger()
        self.assertEqual(len(schedule.report_ids), 1)
        self.assertIn("Revenue rose", channel.message_ids[:1].body)
        self.assertIn("Revenue rose", close.message_ids[:1].body)
        mail = self.env["mail.mail"].search([("model", "=", "ai.financial.report"),
                                             ("res_id", "=", schedule.report_ids.id)])
        self.assertEqual(mail.recipient_ids, recipient)
        self.assertEqual(mail.state, "outgoing")
        self.assertTrue(mail.attachment_ids)
        self.env["financial.report.schedule"]._cron_send_reports()
        self.assertEqual(len(schedule.report_ids), 1, "a close is reported once")


@tagged("post_install", "-at_install")
class TestFinancialReportDemo(FinancialReportCase):
    def test_figures_equal_the_trial_balance_on_the_main_company(self):
        """With demo data, the main company's own entries; without, whatever it has."""
        company = self.env.ref("base.main_company")
        if company not in self.env.user.company_ids:
            self.env.user.company_ids |= company
        today = fields.Date.today()
        report = self.make_report(date_from=today.replace(day=1),
                                  date_to=fields.Date.end_of(today, "month"), company=company)
        self.assert_matches_trial_balance(report)


@tagged("post_install", "-at_install")
class TestFinancialReportPlanted(FinancialReportCase):
    """A generated ledger with planted drivers, in Odoo: the narrative names each of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ledger = planted.documents(planted.REPORT_SEEDS[2], last_month="2026-02", months=18)
        base = cls.company_data["default_account_revenue"]
        accounts = {}
        for index, (key, (account_type, label)) in enumerate(planted.ACCOUNTS.items()):
            accounts[key] = cls.env["account.account"].create({
                "code": "9%05d" % index, "name": label, "account_type": account_type,
                "reconcile": account_type in ("asset_receivable", "liability_payable"),
                "company_ids": [Command.set(base.company_ids.ids)]})
        partners = {}
        for name in planted.CUSTOMERS + sorted(set(planted.VENDORS.values())):
            partners[name] = cls.env["res.partner"].create({"name": name})
        journal = cls.company_data["default_journal_misc"]
        moves = []
        for document in cls.ledger["documents"]:
            lines = [Command.create({"account_id": accounts[key].id, "balance": balance,
                                     "partner_id": partners[document["partner"]].id if document["partner"] else False,
                                     "name": document["product"] or document["account"]})
                     for key, balance in planted.journal_lines(document)]
            moves.append({"journal_id": journal.id, "date": "%s-%02d" % (document["month"], document["day"]),
                          "line_ids": lines})
        cls.env["account.move"].create(moves).action_post()

    def test_planted_drivers_are_named_and_every_number_is_a_fact(self):
        report = self.make_report()
        text = report.narrative_text
        self.assertIn(self.ledger["planted"]["customer"], text)
        self.assertIn(planted.ACCOUNTS[self.ledger["planted"]["cost_account"]][1], text)
        self.assertEqual(frn.check_narrative(text, report.analysis["facts"], report._locale()), [])
        self.assert_matches_trial_balance(report)

    def test_seasonal_dip_is_called_seasonal(self):
        dip = self.ledger["dip_month"]
        report = self.make_report(date_from=dip + "-01",
                                  date_to=fields.Date.to_string(fields.Date.end_of(fields.Date.to_date(dip + "-01"),
                                                                                   "month")))
        self.assertIn("Revenue fell", report.narrative_text)
        self.assertIn("seasonal", report.narrative_text)
