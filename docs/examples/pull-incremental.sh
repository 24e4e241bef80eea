#!/usr/bin/env bash
# Pull one BIC export incrementally, as a nightly job would.
#
# The first run pulls everything; every later run pulls only the rows written
# since the run before, using the watermark the server sent with that run.
# The watermark is saved only after a file has arrived whole, so a run that
# breaks off is simply repeated by the next one: nothing is lost or doubled.
#
#   BIC_URL=https://bic.kommune.dk \
#   BIC_CLIENT_ID=… BIC_CLIENT_SECRET=… \   # a service account's credentials
#   ./pull-incremental.sh goal_progress
#
# With a personal token instead: BIC_TOKEN=bicp_… ./pull-incremental.sh cases
# Files go to BIC_OUT (default: the current directory).
set -euo pipefail

dataset="${1:-goal_progress}"
out="${BIC_OUT:-.}"
state="$out/$dataset.watermark"
mkdir -p "$out"

if [ -n "${BIC_TOKEN:-}" ]; then
  token="$BIC_TOKEN"
else
  # OAuth 2.0 client credentials: a short-lived access token.
  token="$(curl -fsS -u "$BIC_CLIENT_ID:$BIC_CLIENT_SECRET" \
    -d grant_type=client_credentials "$BIC_URL/api/v1/auth/token" |
    sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p')"
fi

since=""
if [ -f "$state" ]; then since="$(cat "$state")"; fi
file="$out/$dataset-$(date -u +%Y%m%dT%H%M%SZ)-$$.csv"

curl -fsS --get "$BIC_URL/api/v1/exports/$dataset" \
  -H "Authorization: Bearer $token" \
  --data-urlencode "format=csv" \
  --data-urlencode "updated_since=$since" \
  -D "$file.headers" -o "$file.part"

watermark="$(tr -d '\r' < "$file.headers" | sed -n 's/^[Bb][Ii][Cc]-[Ww]atermark: *//p')"
rm "$file.headers"
mv "$file.part" "$file"
printf '%s' "$watermark" > "$state.tmp" && mv "$state.tmp" "$state"
echo "$file: $(($(wc -l < "$file") - 1)) rows (lines, when no text has line breaks)"
