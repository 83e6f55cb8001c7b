{
    "name": "AI Bookkeeping for Sales",
    "summary": "Prepares the customer invoices of orders ready to invoice, checks each draft and sends it on approval",
    "version": "18.0.1.1.0",
    "category": "Accounting/Accounting",
    "license": "LGPL-3",
    "author": "ai_bookkeeping",
    # No sale_stock: delivered quantities are read from sale.order.line.qty_delivered, which Sales keeps by hand
    # and Inventory (when installed) from the deliveries; the delivery date is read from sale_stock when present.
    "depends": ["ai_bookkeeping", "sale_management"],
    "data": [
        "data/ir_cron.xml",
        "data/period_close_data.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
