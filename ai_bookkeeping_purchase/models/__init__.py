from . import account_move
from . import goods_received_not_billed
