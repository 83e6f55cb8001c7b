from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    ai_collection_dispute = fields.Boolean(
        string="Disputed", tracking=True, copy=False,
        help="The customer disputes this invoice: it is never chased until the flag is cleared.")
    ai_collection_dispute_note = fields.Char(string="Dispute", copy=False)
    ai_collection_level_id = fields.Many2one(
        "ai.collection.level", string="Dunning level reached", readonly=True, copy=False, index="btree_not_null")
    ai_collection_reminded_on = fields.Date(string="Last reminder", readonly=True, copy=False)
    ai_collection_predicted_date = fields.Date(string="Predicted payment", readonly=True, copy=False)
    ai_collection_predicted_low = fields.Date(string="Predicted from", readonly=True, copy=False)
    ai_collection_predicted_high = fields.Date(string="Predicted until", readonly=True, copy=False)
    ai_collection_early_warning = fields.Boolean(
        string="Predicted late", readonly=True, copy=False,
        help="Not yet due, and the customer's history predicts it will be paid late.")
