"""Use cases between the UI/CLI and the data: each call = permission check + validation +
state change + audit event, in one transaction."""
