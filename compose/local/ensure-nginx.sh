#!/usr/bin/env bash
# nginx for the local stack (make run, make test): when it is missing and this runs as root,
# installs Debian's package; otherwise says that the gateway will answer without it. Exits 0.
set -uo pipefail
if [[ "${NO_NGINX:-0}" == 1 || -n "${NGINX_BIN:-}" ]] || command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then
  exit 0
fi
if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "NOTE: nginx is not installed and this is not root, so it is not installed now (as root: apt-get install nginx)."
  echo "      The gateway answers on the API port directly; the nginx tests are skipped."
  exit 0
fi
echo "nginx is not installed: installing Debian's nginx package ..."
export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -q -o DPkg::Lock::Timeout=600 nginx >/dev/null; }
# the package lists may be missing or stale on a fresh machine: update once, then try again
if install || { apt-get update -q >/dev/null && install; }; then
  echo "nginx installed ($(/usr/sbin/nginx -v 2>&1))"
else
  echo "WARNING: apt-get could not install nginx; the gateway answers on the API port directly and the nginx tests are skipped."
fi
