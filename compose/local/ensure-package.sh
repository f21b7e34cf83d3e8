#!/usr/bin/env bash
# Installs a Debian package that make run / make test use when its program is missing and this
# runs as root; otherwise says what happens without it. Exits 0 either way.
#   compose/local/ensure-package.sh PROGRAM PACKAGE WITHOUT_IT
#   e.g. ensure-package.sh nginx nginx "the gateway answers on the API port directly"
set -uo pipefail
program=$1 package=$2 without=$3
if command -v "$program" >/dev/null 2>&1 || [[ -x "/usr/sbin/$program" ]]; then
  exit 0
fi
if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "NOTE: $program is not installed, and this is not root to install it (as root: apt-get install $package): $without."
  exit 0
fi
echo "$program is not installed: installing Debian's $package package ..."
export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -q -o DPkg::Lock::Timeout=600 "$package" >/dev/null; }
# the package lists may be missing or stale on a fresh machine: update once, then try again
if install || { apt-get update -q >/dev/null && install; }; then
  echo "$package installed"
else
  echo "WARNING: apt-get could not install $package: $without."
fi
