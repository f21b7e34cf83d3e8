#!/bin/bash
# redis-server ARGS -> redis-server ARGS --protected-mode no; any other command runs as given.
set -euo pipefail
if [[ "${1:-}" == redis-server ]]; then
  set -- "$@" --protected-mode no
fi
exec "$@"
