#!/usr/bin/env bash
# Installs what a real Odoo 18 tree needs on Debian 12 (its debian/control Python packages, PostgreSQL, Chromium
# for the browser tests, wkhtmltopdf for QWeb PDF reports such as the period close pack) and the bill reader's
# poppler-utils and tesseract-ocr, and starts PostgreSQL. Never fetches Odoo itself.
set -euo pipefail
ODOO_SRC=${ODOO_SRC:-/opt/odoo18}
# The endpoint reads vendor bills with poppler-utils (PDF text, attachments, rendering) and tesseract-ocr (scans):
# a server requirement of the endpoint with or without an Odoo tree here (README, "Vendor bills from documents").
# tesseract-ocr-osd (orientation data; Debian's tesseract-ocr depends on it, a minimal install may lack it) turns
# pages scanned on their side or upside down.
bill_pkgs="poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-osd"
bill_missing=""
for p in $bill_pkgs; do dpkg -s "$p" >/dev/null 2>&1 || bill_missing="$bill_missing $p"; done
if [ -n "$bill_missing" ] && [ "$(id -u)" = 0 ]; then
  echo "setup-odoo: installing the bill reader's programs:$bill_missing"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $bill_missing >/dev/null
elif [ -n "$bill_missing" ]; then
  echo "setup-odoo: missing$bill_missing (not root: install them to read scanned and PDF bills)"
fi
if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
  echo "setup-odoo: no Odoo tree at $ODOO_SRC; nothing to install (Odoo tests will be skipped)"
  exit 0
fi
pkgs=$(sed -n '/^Depends/,/^Pre-Depends/p' "$ODOO_SRC/debian/control" | grep -v '^#' \
  | grep -oE 'python3-[a-z0-9-]+|postgresql-client|fonts-[a-z0-9-]+|gsfonts|libjs-underscore' | grep -v lxml-html-clean | sort -u)
missing=""
for p in $pkgs postgresql chromium wkhtmltopdf; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "setup-odoo: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
fi
version=$(ls /etc/postgresql | head -1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
if [ "$(id -u)" = 0 ]; then su postgres -c "createuser -s root" 2>/dev/null || true; fi
psql -d postgres -tAc "select 1" >/dev/null && echo "setup-odoo: PostgreSQL $version is up"
