#!/usr/bin/env bash
# Run the suite; pytest's exit 5 ("no tests collected") is a failure here, not a pass.
set -u
.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
exit "$rc"
