from . import test_oca_screen
