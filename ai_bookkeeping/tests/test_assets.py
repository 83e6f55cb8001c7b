import os

from odoo.tests import HttpCase, TransactionCase, tagged

from ..tools import endpoint_process


@tagged("post_install", "-at_install")
class TestAssets(TransactionCase):
    """The built dashboard must go through Odoo's own asset pipeline: libsass for the SCSS (one bad rule breaks the
    styles of the whole backend) and the regex-based JS transpiler for the esbuild output."""

    def test_backend_styles_compile(self):
        bundle = self.env["ir.qweb"]._get_asset_bundle("web.assets_backend", css=True, js=False)
        bundle.css()
        self.assertFalse(bundle.css_errors, bundle.css_errors and bundle.css_errors[0][:500])

    def test_dashboard_script_is_in_the_backend_bundle_and_transpiles(self):
        bundle = self.env["ir.qweb"]._get_asset_bundle("web.assets_backend", css=False, js=True)
        ours = [a for a in bundle.javascripts if "ai_bookkeeping/static/src/dashboard/review_dashboard.js" in a.url]
        self.assertEqual(len(ours), 1)
        code = ours[0].content
        self.assertIn("odoo.define('@ai_bookkeeping/dashboard/review_dashboard'", code)
        self.assertIn("ai_bookkeeping.review_dashboard", code)


@tagged("post_install", "-at_install")
class TestBundledEndpointIsNotPublic(HttpCase):
    """The endpoint bundle is a program for the server, not a browser asset: Odoo serves every file under a module's
    static/ to anyone who asks, logged in or not, so the bundle lives outside it."""

    def test_the_endpoint_bundle_is_not_served(self):
        self.assertTrue(os.path.isfile(endpoint_process.BUNDLE), endpoint_process.BUNDLE)
        self.assertNotIn(os.sep + "static" + os.sep, endpoint_process.BUNDLE)
        for url in ("/ai_bookkeeping/static/endpoint/ai_endpoint.mjs", "/ai_bookkeeping/endpoint/ai_endpoint.mjs"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
        # The dashboard's assets, by contrast, are served (the same route, a file that is under static/).
        self.assertEqual(self.url_open("/ai_bookkeeping/static/src/dashboard/review_dashboard.js").status_code, 200)
