#!/bin/bash
# Renders the templates and runs nginx in the foreground.
#   /etc/nginx/templates/nginx.conf.template  -> /run/nginx/nginx.conf
#   /etc/nginx/templates/tls.conf.template    -> $NGINX_STATE_DIR/tls/tls.conf, only when NGINX_TLS=on
# Only ${UPPER_CASE} placeholders that name a set variable are replaced: nginx's own $variables stay.
# With TLS on and no tls.crt/tls.key in NGINX_TLS_DIR (a mounted folder, or the nginx-tls volume),
# a self-signed certificate for NGINX_TLS_NAME (default localhost) is made there once.
set -euo pipefail
render() { perl -pe 's/\$\{([A-Z_]+)\}/exists $ENV{$1} ? $ENV{$1} : $&/ge' "$1"; }

state=${NGINX_STATE_DIR:?set NGINX_STATE_DIR}
mkdir -p "$state/tls"
rm -f "$state/tls/tls.conf"
if [[ "${NGINX_TLS:-off}" == on ]]; then
  dir=${NGINX_TLS_DIR:?set NGINX_TLS_DIR}
  if [[ ! -s "$dir/tls.crt" || ! -s "$dir/tls.key" ]]; then
    name=${NGINX_TLS_NAME:-localhost}
    echo "nginx-entrypoint: no $dir/tls.crt and tls.key: making a self-signed certificate for $name (replace them with your own)"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
      -subj "/CN=$name" -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
  fi
  render /etc/nginx/templates/tls.conf.template > "$state/tls/tls.conf"
fi
render /etc/nginx/templates/nginx.conf.template > /run/nginx/nginx.conf
exec nginx -c /run/nginx/nginx.conf -g 'daemon off;'
