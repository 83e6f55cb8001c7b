# The expenses bridge measured in a real Odoo (run by `npm run bench` through `odoo-bin shell`, rolled back):
# (1) the receipt-like documents of ../shared/data/invoices/invoice2data (photos and PDFs of hotel, shop and cloud
#     receipts, each with its ground-truth JSON) uploaded as expenses and read through the endpoint in receipt mode,
#     scored per field: merchant, date, total, currency;
# (2) planted policy breaches (per receipt, per day, weekend, holiday, merchant, receipt missing) among clean
#     expenses: each breach must be found, no finding on the clean ones;
# (3) planted duplicates across employees (same file, same picture re-saved smaller as JPEG, same merchant, amount
#     and date a day apart) among distinct expenses: each found, none on the distinct ones.
# Environment: BENCH_ENDPOINT, BENCH_SECRET, BENCH_RECEIPTS (the invoice2data folder).
# ruff: noqa: F821 - `env` is the shell's
import datetime
import io
import json
import os
import time

from PIL import Image

from odoo import Command

from odoo.addons.ai_bookkeeping_hr_expense.tools.expense_policy import merchant_key

params = env["ir.config_parameter"].sudo()
params.set_param("ai_bookkeeping.endpoint_url", os.environ["BENCH_ENDPOINT"])
params.set_param("ai_bookkeeping.endpoint_secret", os.environ["BENCH_SECRET"])
params.set_param("ai_bookkeeping.endpoint_autostart", "False")
params.set_param("ai_bookkeeping.endpoint_timeout", "300")
FOLDER = os.environ["BENCH_RECEIPTS"]
# The receipt-like documents (payment receipts, shop and cloud receipts), photos and PDFs; not the vendor invoices.
RECEIPTS = ["oyo.png", "oyo.pdf", "FlipkartInvoice.png", "FlipkartInvoice.pdf", "AmazonWebServices.png",
            "AmazonWebServices.pdf", "coolblue1.pdf", "coolblue2.pdf", "SammyMaystoneLinesTest.png"]

company = env.company
if not env["account.account"].search_count([("company_ids", "in", company.ids)], limit=1):
    env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
for code in ("INR", "USD", "EUR", "PLN"):
    env.ref("base.%s" % code).active = True
users = [env["res.users"].create({"name": "Bench Employee %d" % k, "login": "bench_expense_%d" % k,
                                  "email": "bench%d@example.com" % k}) for k in range(2)]
employees = [env["hr.employee"].create({"name": u.name, "user_id": u.id, "work_email": u.email,
                                        "work_contact_id": u.partner_id.id}) for u in users]
meals = env["product.product"].create({"name": "Meals", "can_be_expensed": True, "standard_price": 0.0,
                                       "supplier_taxes_id": [Command.clear()]})
Expense = env["hr.expense"]


def upload(name, raw, mimetype, employee):
    attachment = env["ir.attachment"].create({"name": name, "raw": raw, "mimetype": mimetype,
                                              "res_model": "hr.expense"})
    ids = Expense.with_context(default_employee_id=employee.id).create_expense_from_attachments(
        attachment.ids)["domain"][0][2]
    return Expense.browse(ids)


# ------------------------------------------------------------------ (1) per field
fields_ok = {"merchant": [0, 0], "date": [0, 0], "total": [0, 0], "currency": [0, 0]}
rows = []
started = time.monotonic()
for name in RECEIPTS:
    path = os.path.join(FOLDER, name)
    truth = json.load(open(os.path.join(FOLDER, name.rsplit(".", 1)[0] + ".json")))[0]  # noqa: SIM115
    with open(path, "rb") as handle:
        raw = handle.read()
    expense = upload(name, raw, "image/png" if name.endswith(".png") else "application/pdf", employees[0])
    read = expense.ai_receipt_values or {}
    want, got = merchant_key(truth["issuer"]), merchant_key(read.get("merchant") or "")
    marks = {  # None: no ground truth for that field (not scored)
        "merchant": bool(want and got and (want in got or got in want)),
        "date": read.get("date") == truth["date"] if truth.get("date") else None,
        "total": read.get("total") is not None and abs(read["total"] - float(truth["amount"])) < 0.011
        if truth.get("amount") is not None else None,
        "currency": read.get("currency") == truth["currency"] if truth.get("currency") else None,
    }
    for key, ok in marks.items():
        if ok is not None:
            fields_ok[key][1] += 1
            fields_ok[key][0] += ok
    rows.append("| %s | %s | %s |" % (name, read.get("source") or "not read", " | ".join(
        "—" if marks[k] is None else "ok" if marks[k] else "✗ %s" % read.get(k) for k in marks)))
seconds = time.monotonic() - started
scored = Expense.search([("employee_id", "=", employees[0].id)])
env["ir.attachment"].search([("res_model", "=", "hr.expense"), ("res_id", "in", scored.ids)]).unlink()
scored.unlink()  # the duplicates below are planted among expenses of their own
print("expense bench: receipts per field (%d documents, %.1f s)" % (len(RECEIPTS), seconds))
print("| document | read from | merchant | date | total | currency |")
print("|---|---|---|---|---|---|")
for row in rows:
    print(row)
print("| **right** | | %s |" % " | ".join("%d/%d" % tuple(fields_ok[k]) for k in fields_ok))

# ------------------------------------------------------------------ (2) planted policy breaches
env["ai.expense.policy.rule"].create({
    "name": "meal", "product_id": meals.id, "max_per_receipt": 50.0, "max_per_day": 60.0, "no_weekend": True,
    "no_holiday": True, "receipt_required_above": 25.0, "allowed_merchants": "Kantine\nCafé Rosa\nBistro Nord"})
env["resource.calendar.leaves"].create({"name": "Bench holiday", "company_id": company.id, "resource_id": False,
                                        "calendar_id": False, "date_from": "2026-10-07 00:00:00",
                                        "date_to": "2026-10-07 23:59:59"})
monday = datetime.date(2026, 10, 5)
png = io.BytesIO()
Image.new("L", (40, 40), 200).save(png, format="PNG")
plan = [  # (merchant, amount, date, receipt attached, the breach planted or None)
    ("Kantine", 12.0, monday, True, None),
    ("Café Rosa", 24.0, monday + datetime.timedelta(1), False, None),
    ("Bistro Nord", 48.0, monday + datetime.timedelta(3), True, None),
    ("Kantine", 55.0, monday + datetime.timedelta(7), True, "policy_max_per_receipt"),
    ("Kantine", 40.0, monday + datetime.timedelta(8), True, "policy_max_per_day"),
    ("Café Rosa", 30.0, monday + datetime.timedelta(8), True, "policy_max_per_day"),
    ("Café Rosa", 18.0, monday + datetime.timedelta(5), True, "policy_weekend"),
    ("Bistro Nord", 15.0, monday + datetime.timedelta(2), True, "policy_holiday"),
    ("Burger Palace", 14.0, monday + datetime.timedelta(9), True, "policy_merchant"),
    ("Kantine", 35.0, monday + datetime.timedelta(10), False, "policy_receipt_required"),
    ("Bistro Nord", 9.5, monday + datetime.timedelta(14), True, None),
]
planted = found = false_alarms = clean = 0
expenses = []
for merchant, amount, date, receipt, _breach in plan:
    expense = Expense.create({"name": merchant, "employee_id": employees[1].id, "product_id": meals.id,
                              "total_amount_currency": amount, "date": date, "ai_merchant": merchant,
                              "ai_merchant_key": merchant_key(merchant)})
    if receipt:
        env["ir.attachment"].create({"name": "r.png", "raw": png.getvalue(), "res_model": "hr.expense",
                                     "res_id": expense.id, "mimetype": "image/png"})
    expenses.append(expense)
for expense, (*_facts, breach) in zip(expenses, plan, strict=True):
    expense._ai_review()
    codes = {f["code"] for f in expense.ai_findings or [] if f["code"].startswith("policy_")}
    if breach:
        planted += 1
        found += breach in codes
        false_alarms += len(codes - {breach})
    else:
        clean += 1
        false_alarms += len(codes)
print("expense bench: planted policy breaches found %d/%d; findings on clean expenses or beside the planted one: "
      "%d (%d clean expenses)%s" % (found, planted, false_alarms, clean,
                                    "" if found == planted and not false_alarms else " FAIL"))

# ------------------------------------------------------------------ (3) planted duplicates across employees
with open(os.path.join(FOLDER, "oyo.png"), "rb") as handle:
    oyo = handle.read()
original = upload("oyo.png", oyo, "image/png", employees[0])
smaller = io.BytesIO()
image = Image.open(io.BytesIO(oyo)).convert("RGB")
image.resize((image.width // 2, image.height // 2)).save(smaller, format="JPEG", quality=75)
cases = [("duplicate_file", upload("copy.png", oyo, "image/png", employees[1])),
         ("duplicate_image", upload("photo.jpg", smaller.getvalue(), "image/jpeg", employees[1]))]
spend = Expense.create({"name": "Kantine", "employee_id": employees[0].id, "product_id": meals.id,
                        "total_amount_currency": 11.0, "date": monday, "ai_merchant": "Kantine",
                        "ai_merchant_key": "kantine"})
cases.append(("duplicate_spend", Expense.create({
    "name": "Kantine lunch", "employee_id": employees[1].id, "product_id": meals.id, "total_amount_currency": 11.0,
    "date": monday + datetime.timedelta(1), "ai_merchant": "KANTINE", "ai_merchant_key": "kantine"})))
distinct = [Expense.create({"name": "Kantine", "employee_id": employees[1].id, "product_id": meals.id,
                            "total_amount_currency": 11.0, "date": monday + datetime.timedelta(3),
                            "ai_merchant": "Kantine", "ai_merchant_key": "kantine"}),
            upload("flipkart.png", open(os.path.join(FOLDER, "FlipkartInvoice.png"), "rb").read(),  # noqa: SIM115
                   "image/png", employees[1])]
dup_found = 0
for code, expense in cases:
    expense._ai_review()
    codes = {f["code"] for f in expense.ai_findings or []}
    dup_found += code in codes
    if code not in codes:
        print("expense bench: missed %s: %s" % (code, sorted(codes)))
dup_false = 0
for expense in distinct:
    expense._ai_review()
    dup_false += sum(1 for f in expense.ai_findings or [] if f["code"].startswith("duplicate_"))
print("expense bench: planted duplicates found %d/%d (same file, same picture, same spend a day apart); "
      "duplicate findings on distinct expenses: %d%s" % (dup_found, len(cases), dup_false,
                                                        "" if dup_found == len(cases) and not dup_false else " FAIL"))
env.cr.rollback()
print("expense bench: done")
