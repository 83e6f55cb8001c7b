{
    "name": "AI Bookkeeping in OCA's reconciliation screen",
    "summary": "Shows AI suggestions on statement lines in account_reconcile_oca and applies them from there",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "license": "LGPL-3",
    "author": "ai_bookkeeping",
    "depends": ["ai_bookkeeping", "account_reconcile_oca"],
    "data": ["views/account_bank_statement_line_views.xml"],
    "auto_install": True,
    "installable": True,
}
