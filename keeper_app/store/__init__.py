"""sqlite storage: connection, migrations, repositories, the audit chain. No Qt here."""

from .connection import Database, StoreError, latest_version, open_database

__all__ = ["Database", "StoreError", "latest_version", "open_database"]
