"""The LLM's cost as Odoo sees it: reading the usage the endpoint returns, the monthly budget check, and the
environment that hands the provider settings to the bundled endpoint. Pure: no ``env``, tested without a server."""

import datetime

# Environment variables read by the endpoint (web_src/endpoint/config.ts); the openai SDK's own names for the first two.
ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_API_KEY = "OPENAI_API_KEY"
ENV_MODEL = "AI_BOOKKEEPING_LLM_MODEL"
# System parameters (res.config.settings) holding the provider URL, the model and the key, in llm_environment's order.
LLM_PARAMS = ("ai_bookkeeping.llm_base_url", "ai_bookkeeping.llm_model", "ai_bookkeeping.llm_api_key")

_COUNTS = {
    "calls": "calls",
    "cacheHits": "cache_hits",
    "promptTokens": "prompt_tokens",
    "completionTokens": "completion_tokens",
}
_MAX_COUNT = 10**9
_MAX_COST = 10.0**6


def parse_usage(reply):
    """The ``usage`` object of an endpoint reply as ``{model, calls, cache_hits, prompt_tokens, completion_tokens,
    cost_usd}``, or None when there is none or it is not plausible (it is then ignored, not trusted)."""
    usage = reply.get("usage") if isinstance(reply, dict) else None
    if not isinstance(usage, dict):
        return None
    model = usage.get("model")
    if not isinstance(model, str) or not model.strip():
        return None
    values = {"model": model.strip()[:128]}
    for key, field in _COUNTS.items():
        value = usage.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_COUNT:
            return None
        values[field] = value
    cost = usage.get("costUsd")
    if not isinstance(cost, (int, float)) or isinstance(cost, bool) or not 0 <= cost <= _MAX_COST:
        return None
    values["cost_usd"] = float(cost)
    return values


def is_empty(usage):
    """True when the endpoint did not consult its model at all for this request."""
    return not (usage["calls"] or usage["cache_hits"] or usage["prompt_tokens"] or usage["completion_tokens"])


def llm_allowed(monthly_budget, spent_this_month):
    """May the LLM be used? A budget of 0 (or less) means no limit; otherwise only while the month's cost is below
    it."""
    return not monthly_budget or monthly_budget <= 0 or spent_this_month < monthly_budget


def month_start(day):
    """First day of ``day``'s month (a date)."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    return day.replace(day=1)


def llm_environment(base_url, model, api_key):
    """Environment variables that give the bundled endpoint its LLM settings. Empty when no model is set (LLM off);
    a local server needs no key."""
    if not (model or "").strip():
        return {}
    env = {ENV_MODEL: model.strip()}
    if (base_url or "").strip():
        env[ENV_BASE_URL] = base_url.strip()
    if api_key:
        env[ENV_API_KEY] = api_key
    return env
