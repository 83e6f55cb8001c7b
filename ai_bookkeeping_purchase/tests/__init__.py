from . import test_purchase_bill
