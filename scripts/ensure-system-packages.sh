#!/usr/bin/env bash
# Make sure the system programs the test suite starts are installed:
# PostgreSQL (initdb), redis-server, chromium and Java (for the HTML checker).
# Installs the missing Debian packages when running as root with apt-get,
# otherwise explains what to install and exits 1. Silent when all present.
set -euo pipefail

have_initdb() {
    # Debian keeps the server binaries off PATH, under /usr/lib/postgresql/<version>/bin.
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null
}

missing=()
have_initdb || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
# Java runs the Nu HTML Checker (vnu.jar, fetched by scripts/fetch-vnu.py).
command -v java >/dev/null || missing+=(default-jre-headless)
if ! command -v chromium >/dev/null; then
    # Without any fonts Chromium renders blank text (and axe colour checks go wrong).
    missing+=(chromium fonts-dejavu-core)
fi

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing missing system packages: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    exit 0
fi

{
    echo "Missing system packages: ${missing[*]}"
    echo "Install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
} >&2
exit 1
