"""Backup and restore of a whole installation, or of one association, as one zip archive.

`samordna backup FILE [--association SLUG]` and `samordna restore FILE` (see commands.py). The archive:

    manifest.json                      format and version, when, scope, database vendor, the migrations applied per
                                       app, rows per model, SHA-256 of every other member, the list of documents
    LÄSMIG.txt                         the layout in Swedish, for an archivist opening the file by hand
    data/<app>.<model>.jsonl           one JSON object per row: every concrete column by attribute name, pk included
    documents/<app>.<model>/<pk>/<filename>
                                       every stored file (handlingar, imported protocols) as itself; its row names the
                                       member instead of carrying the bytes a second time

What is kept and what is not is decided in scope.py (with the reasons); how values are written in values.py.
A restore goes only into an empty, migrated installation with exactly the archive's migrations, checks every
checksum before writing anything, inserts every row with plain INSERTs (the audit log is append-only) in one
transaction, resets PostgreSQL's sequences and rebuilds the search index, which is derived data and not archived.
"""

FORMAT = "samordna-backup"
FORMAT_VERSION = 1


class BackupError(Exception):
    """Refused or failed backup/restore; the message is Swedish and meant for the person at the command line."""
