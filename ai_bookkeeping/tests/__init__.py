from . import test_assets, test_apply_revert, test_security, test_queue, test_endpoint, test_bulk
from . import test_governance
