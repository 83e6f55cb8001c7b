from odoo.tests import TransactionCase, tagged


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
