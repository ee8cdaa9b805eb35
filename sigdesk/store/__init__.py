"""The caseload file: keyed connection, engine and sessions, key slots, create/unlock/open,
schema migration and atomic writes. The window reaches it only through services and
`AppContext`."""
