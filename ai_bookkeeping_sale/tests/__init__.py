from . import test_customer_invoice_checks
from . import test_customer_invoice_decisions
from . import test_unbilled_revenue
from . import test_customer_invoice_recheck
from . import test_sale_cron
from . import test_customer_invoice_bulk_send
