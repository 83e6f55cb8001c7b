from . import ai_expense_policy_rule
from . import hr_expense
from . import hr_expense_sheet
from . import expense_suggestion
