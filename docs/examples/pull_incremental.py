"""Pull one BIC export incrementally into a pandas DataFrame.

The first run pulls everything; every later run only the rows written since
the run before, using the watermark the server sent with that run. The
watermark is saved only after the file has arrived whole.

    BIC_URL=https://bic.kommune.dk BIC_CLIENT_ID=… BIC_CLIENT_SECRET=… \
        python3 pull_incremental.py goal_progress

With a personal token instead: BIC_TOKEN=bicp_… python3 pull_incremental.py cases
Needs only the standard library and pandas.
"""
import base64
import json
import os
import pathlib
import sys
import urllib.parse
import urllib.request

import pandas as pd

BASE = os.environ["BIC_URL"].rstrip("/")
OUT = pathlib.Path(os.environ.get("BIC_OUT", "."))


def access_token() -> str:
    if os.environ.get("BIC_TOKEN"):
        return os.environ["BIC_TOKEN"]
    # OAuth 2.0 client credentials: a short-lived access token.
    basic = base64.b64encode(
        f"{os.environ['BIC_CLIENT_ID']}:{os.environ['BIC_CLIENT_SECRET']}".encode()
    ).decode()
    req = urllib.request.Request(
        BASE + "/api/v1/auth/token",
        data=urllib.parse.urlencode({"grant_type": "client_credentials"}).encode(),
        headers={"Authorization": "Basic " + basic},
    )
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)["access_token"]


def pull(dataset: str) -> pd.DataFrame:
    OUT.mkdir(parents=True, exist_ok=True)
    state = OUT / f"{dataset}.watermark"
    query = {"format": "csv"}
    if state.exists():
        query["updated_since"] = state.read_text()
    req = urllib.request.Request(
        f"{BASE}/api/v1/exports/{dataset}?{urllib.parse.urlencode(query)}",
        headers={"Authorization": "Bearer " + access_token()},
    )
    part = OUT / f"{dataset}.csv.part"
    with urllib.request.urlopen(req) as resp, open(part, "wb") as f:
        # A transfer that breaks off raises here, before the watermark moves.
        while chunk := resp.read(1 << 16):
            f.write(chunk)
        watermark = resp.headers["BIC-Watermark"]
    # keep_default_na=False: an empty text stays "", not NaN.
    df = pd.read_csv(part, dtype=str, keep_default_na=False)
    part.replace(OUT / f"{dataset}.csv")
    state.write_text(watermark)
    return df


if __name__ == "__main__":
    frame = pull(sys.argv[1] if len(sys.argv) > 1 else "goal_progress")
    print(f"{len(frame)} rows, columns: {', '.join(frame.columns)}")
