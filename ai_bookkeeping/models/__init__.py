from . import (
    ai_suggestion_mixin,
    ai_suggestion,
    ai_reconciliation_suggestion,
    ai_reconciliation_dashboard,
    ai_reconciliation_queue,
    ai_reconciliation_request,
    ai_endpoint,
    ai_bookkeeping_demo,
    account_bank_statement_line,
    account_move_line,
    res_company,
    res_config_settings,
)
