{
    "name": "AI Bookkeeping: vendor bills matched to purchase orders",
    "summary": "Bills read from documents by AI Bookkeeping are matched to the vendor's open purchase orders, filled "
               "from their lines, and differences to what was ordered and received are shown as findings",
    "version": "18.0.1.0.1",
    "category": "Accounting/Accounting",
    "license": "LGPL-3",
    "author": "ai_bookkeeping",
    "depends": ["ai_bookkeeping", "purchase"],
    "data": ["data/period_close_data.xml"],
    "auto_install": True,
    "installable": True,
}
