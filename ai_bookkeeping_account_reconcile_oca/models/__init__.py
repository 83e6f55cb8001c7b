from . import account_bank_statement_line
