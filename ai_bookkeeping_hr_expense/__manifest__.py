{
    "name": "AI Bookkeeping for Expenses",
    "summary": "Expense receipts read into coded expenses, checked against the expense policy and for duplicates, "
               "reviewed as AI suggestions; card-paid expenses matched to the card's bank line",
    "version": "18.0.1.1.0",
    "category": "Human Resources/Expenses",
    "license": "LGPL-3",
    "author": "ai_bookkeeping",
    "depends": ["ai_bookkeeping", "hr_expense"],
    "data": [
        "security/ir.model.access.csv",
        "security/ai_suggestion_security.xml",
        "views/ai_expense_policy_rule_views.xml",
        "views/hr_expense_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
