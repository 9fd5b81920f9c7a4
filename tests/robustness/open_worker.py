"""One Keeper process opening a database, for the migration-race and restore tests: ``python
open_worker.py LOCATION`` (a file's path or a server's URL). It prints ``ready`` once
imported, waits for a line on standard input (so two workers open at the same moment), opens
the database (creating nothing), prints one JSON line ``{"ok": true, "version": N}`` or
``{"ok": false, "error": MESSAGE}``, then keeps the database open until standard input
closes."""

from __future__ import annotations

import json
import sys

from keeper_app.store import StoreError
from keeper_app.store import open as store_open


def main() -> None:
    location = sys.argv[1]
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        db = store_open(location, create=False)
    except StoreError as exc:
        print(json.dumps({"ok": False, "error": str(exc)}), flush=True)
        return
    print(json.dumps({"ok": True, "version": db.schema_version}), flush=True)
    sys.stdin.read()  # held open until the test lets go
    db.close()


if __name__ == "__main__":
    main()
