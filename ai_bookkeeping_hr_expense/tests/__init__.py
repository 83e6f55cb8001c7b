from . import test_expense_receipts
from . import test_expense_endpoint
from . import test_expense_suggestion_access
