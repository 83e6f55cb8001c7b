from . import test_assets, test_apply_revert, test_security, test_queue, test_endpoint
from . import test_llm_usage, test_bulk
from . import test_governance
from . import test_dashboard_groups
from . import test_endpoint_rpc
from . import test_governance_writes
from . import test_dashboard_arguments
from . import test_queue_robustness
from . import test_clock
from . import test_demo
from . import test_ai_job
from . import test_statement_import_files, test_statement_import_rules, test_statement_import_table
from . import test_governance_history
from . import test_reconciliation_tolerance
from . import test_period_close_checklist, test_period_close_lock, test_period_close_accrual
from . import test_anomaly_detection
from . import test_vendor_bill_intake, test_vendor_bill_review, test_vendor_bill_endpoint
from . import test_statement_import_batch
from . import test_statement_import_accounts
from . import test_statement_import_beside_oca
from . import test_anomaly_dashboard
from . import test_reconciliation_own_transfer
from . import test_collection_run, test_collection_approval
from . import test_period_close_adjustments
from . import test_period_close_reopen
from . import test_financial_report, test_financial_report_llm
from . import test_vendor_bill_llm
from . import test_vendor_bill_pictures
from . import test_statement_import_fidelity
from . import test_cron_users
from . import test_vendor_bill_credit_note
