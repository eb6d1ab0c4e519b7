"""Opening the one SQLite file: pragmas, refusal of foreign files, migrations, write transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from store.migrations import MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


class DatabaseError(Exception):
    """A database that cannot be used as it is; the message is one line naming the file and the reason."""


def default_db_path() -> Path:
    """``$BROADSHEET_DB`` if set, else ``broadsheet.db`` in the user data directory."""
    if env := os.environ.get("BROADSHEET_DB"):
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("broadsheet", appauthor=False) / "broadsheet.db"


_checked_paths: set[Path] = set()


def check_is_sqlite(path: Path) -> None:
    """Refuse, without writing a byte, a file that exists but is not an SQLite database.

    The header is read once per path and process: closing any descriptor of a file drops every POSIX lock
    this process holds on it, so reading it again while a connection is open would drop that connection's
    locks — another process could then take the database for unused and delete its write-ahead log under us.
    """
    key = path.resolve()
    if key in _checked_paths:
        return
    if not path.exists():
        _checked_paths.add(key)  # SQLite creates it: from now on a connection may hold locks on it
        return
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be read ({exc.strerror})") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"{path}: not an SQLite database; refusing to touch it")
    _checked_paths.add(key)


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with WAL, foreign keys and a busy timeout, in autocommit mode.

    Autocommit means a statement outside :func:`write_transaction` commits at once; inside it, sqlite-utils'
    own ``atomic()`` blocks nest as savepoints.
    """
    import sqlite_utils  # here, not at the top: the app's first frame needs none of it (see open_connection)

    return sqlite_utils.Database(open_connection(path))


@contextlib.contextmanager
def connection(path: Path | str) -> Iterator[sqlite_utils.Database]:
    """:func:`connect`, closed when the block ends, however it ends: each background job of the app opens its own
    (SQLite connections are not shared between threads here) and none may be left open."""
    db = connect(path)
    try:
        yield db
    finally:
        db.close()


def open_connection(path: Path | str) -> sqlite3.Connection:
    """The plain ``sqlite3`` connection :func:`connect` wraps, with the same checks and pragmas.

    For reads that must not wait for sqlite-utils: importing it and loading its plugins costs 40–60 ms, a
    fifth of the app's start, and the first screenful of the library needs one SELECT.
    """
    path = Path(path)
    check_is_sqlite(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal" and not _is_readonly(conn):
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: cannot be opened as a database ({exc})") from exc
    return conn


def _is_readonly(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])


def open_db(path: Path | str | None = None, *, on_backup=None) -> sqlite_utils.Database:
    """Open (creating if needed) a Broadsheet database and bring its schema up to date.

    Before migrating a database that already holds data, the file is copied to ``NAME.bak-vN`` and
    ``on_backup(path)`` is called so the caller can say so.
    """
    path = Path(path) if path is not None else default_db_path()
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{path.parent}: cannot create the data directory ({exc.strerror})") from exc
    db = connect(path)
    try:
        migrate(db, path, on_backup=on_backup)
    except BaseException:
        db.close()
        raise
    return db


def ensure_schema(path: Path | str, *, on_backup=None) -> None:
    """What :func:`open_db` does, closing the connection after; a database already at the latest version is
    only asked its version, over a plain connection (the app's start, see :func:`open_connection`)."""
    path = Path(path)
    if path.exists():
        # open_db, below, says what is wrong with a file that is not a database
        with contextlib.closing(open_connection(path)) as conn, contextlib.suppress(sqlite3.DatabaseError):
            if schema_version(conn) == len(MIGRATIONS):
                return
    open_db(path, on_backup=on_backup).close()


def schema_version(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, path: Path | None = None, *, on_backup=None) -> None:
    """Apply every pending migration, each in its own transaction together with its version bump."""
    try:
        version = schema_version(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: database file is damaged ({exc})") from exc
    latest = len(MIGRATIONS)
    if version > latest:
        raise DatabaseError(
            f"{path}: schema version {version} is newer than this Broadsheet understands ({latest}); "
            "upgrade Broadsheet"
        )
    if version == latest:
        return
    if version > 0 and path is not None and path.exists():
        backup = path.with_name(f"{path.name}.bak-v{version}")
        with contextlib.closing(sqlite3.connect(backup)) as target:
            db.conn.backup(target)  # a consistent snapshot even while another process writes
        if on_backup:
            on_backup(backup)
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with write_transaction(db):
            if schema_version(db) >= number:  # another process migrated while we waited for the lock
                continue
            step(db)
            db.execute(f"PRAGMA user_version = {number}")


class CommitObserver(Protocol):
    """Told of every write transaction of one thread (:func:`observing_commits`): what the database looked like
    when the transaction took the write lock, and it commits the transaction itself."""

    def began(self, db: sqlite_utils.Database) -> Any:
        """Called right after ``BEGIN IMMEDIATE``; the answer is handed to :meth:`commit`."""

    def commit(self, db: sqlite_utils.Database, began: Any) -> None:
        """Run ``COMMIT`` on ``db`` (the write lock is still held until then)."""


_commit_observer: ContextVar[CommitObserver | None] = ContextVar("commit_observer", default=None)


@contextlib.contextmanager
def observing_commits(observer: CommitObserver) -> Iterator[None]:
    """Within the block, every :func:`write_transaction` of this thread (any connection) goes through ``observer``:
    how an interface tells its own commits from other processes' (see :meth:`store.watch.ChangeWatcher.mine`)."""
    token = _commit_observer.set(observer)
    try:
        yield
    finally:
        _commit_observer.reset(token)


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database, *, retries: int = 5) -> Iterator[sqlite_utils.Database]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: take the write lock up front so a second writer waits (busy timeout)
    instead of failing on a lock upgrade, and retry a few times if the timeout still runs out.

    Nested use is a savepoint, via sqlite-utils' ``atomic()``. Within :func:`observing_commits`, the observer is
    told when the transaction begins and commits it.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    for attempt in range(retries):
        try:
            db.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == retries - 1:
                raise _write_failure(db, exc) or exc from exc
            time.sleep(0.05 * 2**attempt)
    observer = _commit_observer.get()
    try:
        began = observer.began(db) if observer is not None else None
        yield db
        if observer is None:
            db.execute("COMMIT")
        else:
            observer.commit(db, began)
    except BaseException as exc:
        if db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        if failure := _write_failure(db, exc):
            raise failure from exc
        raise


# SQLite's messages for a write the file or the disk refused, as opposed to a mistake in a statement.
_WRITE_REFUSED = ("readonly", "read-only", "full", "disk i/o", "locked", "busy", "unable to open")


def _write_failure(db: sqlite_utils.Database, exc: BaseException) -> DatabaseError | None:
    """A one-line :class:`DatabaseError` for a write refused by the file or the disk (read-only, full, I/O error,
    still locked after the busy timeout and retries); None for anything else."""
    if not isinstance(exc, sqlite3.OperationalError) or not any(word in str(exc).lower() for word in _WRITE_REFUSED):
        return None
    try:
        path = db.conn.execute("PRAGMA database_list").fetchone()[2] or "the database"
    except sqlite3.Error:
        path = "the database"
    return DatabaseError(f"{path}: cannot write ({exc}); the unfinished change was rolled back")
