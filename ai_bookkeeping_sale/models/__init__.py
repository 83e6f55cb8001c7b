from . import res_company
from . import res_config_settings
from . import account_move
from . import sale_order
from . import customer_invoice_suggestion
from . import unbilled_revenue
