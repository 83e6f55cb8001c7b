"""Pure helpers with no ``env``: importable and testable without an Odoo server."""
