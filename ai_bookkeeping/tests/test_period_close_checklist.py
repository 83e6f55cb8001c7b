from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .period_close_common import FEBRUARY, JANUARY, VENDOR_A_MEDIAN, PeriodCloseCase


@tagged("post_install", "-at_install")
class TestPeriodCloseChecklist(PeriodCloseCase):
    def test_a_clean_period_has_nothing_open(self):
        self.env.company.tax_lock_date = JANUARY[1]  # its tax period closed too
        close = self.make_close(JANUARY)
        found = self.items(close)
        self.assertEqual(set(found), {d["code"] for d in self.env["ai.period.close.checklist"]._item_definitions()})
        self.assertEqual({code: value for code, value in found.items() if value != (0, 0.0)}, {})
        self.assertEqual(set(close.item_ids.mapped("status")), {"clear"})
        self.assertEqual(close.blocking_open_count, 0)

    def test_every_planted_item_is_found(self):
        # Drafts: an entry and a customer invoice (entries), a vendor bill (bills).
        self.make_entry(75.0, "2026-02-10")
        self.make_bill(self.partner_a, 200.0, "2026-02-11", move_type="out_invoice")
        draft_bill = self.make_bill(self.vendor_b, 60.0, "2026-02-12")
        # Bank lines not reconciled: their amounts also wait on the suspense account.
        lines = [self.make_st_line(amount, "line %s" % amount, date="2026-02-15") for amount in (100.0, -40.0, 250.0)]
        self.make_suggestion(lines[0])
        # A customer payment not matched with the bank: open on the outstanding receipts account.
        payment = self.env["account.payment"].create({
            "payment_type": "inbound", "partner_type": "customer", "partner_id": self.partner_a.id, "amount": 80.0,
            "journal_id": self.bank_journal.id, "date": "2026-02-16"})
        payment.action_post()
        self.make_gap("2026-02-20")
        # Other workflows' items: an open anomaly on a February entry, a bill read from a document awaiting review,
        # and a suggestion of another kind.
        gap_entry = self.env["account.move"].search([("made_sequence_gap", "=", True)], limit=1)
        self.env["ai.suggestion"].sudo().create({"name": "Unusual amount", "kind": "anomaly", "explanation": "test",
                                                 "anomaly_move_id": gap_entry.id, "anomaly_amount": 900.0})
        self.env["ai.suggestion"].sudo().create({"name": "Bill from scan", "kind": "vendor_bill",
                                                 "res_model": "account.move", "res_id": draft_bill.id})
        self.env["ai.suggestion"].sudo().create({"name": "An expense", "kind": "expense"})

        found = self.items(self.make_close(FEBRUARY))
        self.assertEqual(found["draft_entries"], (2, 275.0))
        self.assertEqual(found["draft_bills"], (1, 60.0))
        self.assertEqual(found["unreconciled_statement_lines"], (3, 390.0))
        self.assertEqual(found["suspense_balance"], (3, -310.0))
        self.assertEqual(found["outstanding_balance"], (1, 80.0))
        self.assertEqual(found["pending_reconciliation_suggestions"], (1, 100.0))
        self.assertEqual(found["sequence_gaps"], (1, 10.0))
        self.assertEqual(found["missing_recurring_bills"], (1, VENDOR_A_MEDIAN))
        self.assertEqual(found["pending_suggestions"], (1, 0.0), "each kind is counted once, in its own item")
        self.assertEqual(found["open_anomalies"], (1, 900.0))
        self.assertEqual(found["pending_vendor_bills"], (1, 60.0))
        self.assertEqual(found["adjusting_entries"], (0, 0.0))
        self.assertEqual(found["unrealised_fx"], (0, 0.0))
        close = self.make_close(("2026-03-01", "2026-03-31"))
        item = close.item_ids.filtered(lambda i: i.code == "open_anomalies")
        action = item.action_open_records()
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]).mapped("name"), ["Unusual amount"])

    def test_the_missing_bill_drills_down_to_the_vendors_history(self):
        close = self.make_close(FEBRUARY)
        item = close.item_ids.filtered(lambda i: i.code == "missing_recurring_bills")
        action = item.action_open_records()
        bills = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(bills.partner_id, self.vendor_a)
        self.assertEqual(len(bills), 4)

    def test_a_bill_arriving_clears_the_item_live(self):
        close = self.make_close(FEBRUARY)
        self.assertEqual(self.items(close)["missing_recurring_bills"][0], 1)
        self.make_bill(self.vendor_a, 115.0, "2026-02-15").action_post()
        self.assertEqual(self.items(close)["missing_recurring_bills"], (0, 0.0))

    def test_done_needs_a_clear_item_and_accepting_needs_a_note(self):
        self.make_entry(75.0, "2026-01-10")
        close = self.make_close(JANUARY).with_user(self.accountant)
        drafts = close.item_ids.filtered(lambda i: i.code == "draft_entries")
        with self.assertRaisesRegex(UserError, "1 still to do"):
            drafts.action_mark_done()
        with self.assertRaisesRegex(UserError, "write a note"):
            drafts.action_accept()
        drafts.note = "Recurring template, posted in February."
        drafts.action_accept()
        self.assertEqual((drafts.status, drafts.decided_by_id), ("accepted", self.accountant))
        self.assertEqual(close.state, "in_progress")
        self.assertIn("Accepted with a note", close.message_ids[0].body)
        gaps = close.item_ids.filtered(lambda i: i.code == "sequence_gaps")
        gaps.action_mark_done()
        self.assertEqual(gaps.status, "done")
        # A gap appearing afterwards opens the item again: done holds only while nothing is left.
        self.make_gap("2026-01-21")
        gaps.invalidate_recordset(["count", "status"])
        self.assertEqual((gaps.count, gaps.status), (1, "open"))

    def test_blocking_items_are_configurable_per_company(self):
        self.make_gap("2026-01-20")
        close = self.make_close(JANUARY)
        self.assertEqual(close.blocking_open_count, 0)
        config = self.env["ai.period.close.item.config"].with_user(self.account_manager)
        config.create({"code": "sequence_gaps", "blocking": True})
        close.item_ids.invalidate_recordset(["blocking"])
        close.invalidate_recordset(["blocking_open_count"])
        self.assertEqual(close.blocking_open_count, 1)
        with self.assertRaises(AccessError):
            config.with_user(self.accountant).create({"code": "draft_entries", "blocking": False})

    def test_companies_are_isolated(self):
        other = self.setup_other_company(name="Close Co 2")
        self.make_entry(33.0, "2026-01-05", company_data=other)
        own = self.make_close(JANUARY)
        theirs = self.env["ai.period.close"].with_company(other["company"]).create(
            {"date_from": JANUARY[0], "date_to": JANUARY[1], "company_id": other["company"].id})
        self.assertEqual(self.items(own)["draft_entries"], (0, 0.0))
        self.assertEqual(self.items(theirs)["draft_entries"], (1, 33.0))
        with self.assertRaises(AccessError):
            theirs.with_user(self.accountant).read(["name"])
        self.assertFalse(self.env["ai.period.close"].with_user(self.accountant).search([("id", "=", theirs.id)]))

    def test_a_close_per_period_without_overlap(self):
        self.make_close(JANUARY)
        with self.assertRaisesRegex(Exception, "overlaps"):
            self.make_close(("2026-01-15", "2026-02-15"))

    def test_the_tax_period_is_open_until_the_tax_lock_reaches_the_period_end(self):
        sale = self.init_invoice("out_invoice", self.partner_a, "2026-02-10", amounts=[1000.0],
                                 taxes=self.tax_sale_a, post=True)
        bill = self.init_invoice("in_invoice", self.partner_a, "2026-02-12", amounts=[300.0],
                                 taxes=self.tax_purchase_a, post=True)
        self.init_invoice("out_invoice", self.partner_a, "2026-03-02", amounts=[500.0], taxes=self.tax_sale_a,
                          post=True)  # next period's tax
        tax_lines = (sale | bill).line_ids.filtered("tax_line_id")
        net_tax = -sum(tax_lines.mapped("balance"))
        self.assertTrue(net_tax > 0, "sales tax above the purchase tax: tax to pay")
        close = self.make_close(FEBRUARY)
        self.env.company.tax_lock_date = JANUARY[1]  # the tax lock before the period end: open
        self.assertEqual(self.items(close)["tax_period_open"], (1, round(net_tax, 2)))
        item = close.item_ids.filtered(lambda i: i.code == "tax_period_open")
        self.assertFalse(item.blocking, "not blocking unless the company says so")
        action = item.action_open_records()
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]), tax_lines)
        self.env.company.tax_lock_date = FEBRUARY[1]  # the tax period closed at (or after) the period end
        self.assertEqual(self.items(close)["tax_period_open"], (0, 0.0))
        self.assertEqual(item.status, "clear")

    def test_closes_created_before_an_item_existed_get_it_at_upgrade(self):
        close = self.make_close(JANUARY)
        close.item_ids.filtered(
            lambda i: i.code in ("open_anomalies", "unrealised_fx", "tax_period_open")).sudo().unlink()
        self.env["ai.period.close"]._sync_checklist_items()
        self.assertEqual(sorted(close.item_ids.mapped("code")),
                         sorted(d["code"] for d in self.env["ai.period.close.checklist"]._item_definitions()))
