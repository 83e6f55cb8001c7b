from . import test_expense_receipts
from . import test_expense_endpoint
