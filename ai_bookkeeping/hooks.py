import secrets


def post_init_hook(env):
    """Generate the shared endpoint secret so the bundled endpoint is authenticated from the first call."""
    params = env["ir.config_parameter"].sudo()  # sudo: the secret is a system parameter, written once at install
    if not params.get_param("ai_bookkeeping.endpoint_secret"):
        params.set_param("ai_bookkeeping.endpoint_secret", secrets.token_urlsafe(48))

