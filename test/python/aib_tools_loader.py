"""Imports ai_bookkeeping/tools as the package ``aib_tools``, without Odoo: the add-on's package path
(odoo.addons.ai_bookkeeping) only exists inside an Odoo server. Every test module here calls ``load()`` first."""

import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(ROOT, "ai_bookkeeping", "tools")


def load():
    """Register ``aib_tools`` once; later calls return the same package."""
    if "aib_tools" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "aib_tools", os.path.join(TOOLS, "__init__.py"), submodule_search_locations=[TOOLS]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules["aib_tools"] = module
        spec.loader.exec_module(module)
    return sys.modules["aib_tools"]
