from . import test_purchase_bill
from . import test_received_not_billed
from . import test_purchase_credit_note
from . import test_purchase_credit_note_stock
