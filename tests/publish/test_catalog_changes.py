"""Changing the catalog of a folder or bucket site: one transaction, stored with a conditional
write, applied again from a fresh copy when another writer got there first."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from briefing.errors import BriefingError
from briefing.publish.catalog import CATALOG_NAME, fetch_catalog, open_copy, with_catalog


def test_writers_at_once_lose_nothing(store):
    """Eight threads each record one value at the same moment: every one is kept, and the
    conflicts they ran into were resolved by applying the change again."""
    attempts = []
    start = threading.Barrier(8)

    def add(n: int) -> None:
        def change(catalog, conn: sqlite3.Connection) -> None:
            attempts.append(n)
            catalog.put(conn, f"writer-{n}", str(n))

        start.wait()
        with_catalog(store, change, create=True)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open_copy(store, fetch_catalog(store)) as catalog:
        assert {catalog.get(f"writer-{n}") for n in range(8)} == {str(n) for n in range(8)}
    assert len(attempts) > 8, "the writers collided and retried"


def test_a_failing_change_stores_nothing(store):
    with_catalog(store, lambda catalog, conn: catalog.put(conn, "kept", "yes"), create=True)
    before = store.get(CATALOG_NAME)

    def change(catalog, conn):
        catalog.put(conn, "kept", "no")
        raise BriefingError("no such episode")

    with pytest.raises(BriefingError, match="no such episode"):
        with_catalog(store, change)
    assert store.get(CATALOG_NAME).data == before.data


def test_a_store_without_a_catalog_is_not_a_site(store):
    with pytest.raises(BriefingError, match="not a briefing site"):
        with_catalog(store, lambda catalog, conn: None)
    assert store.get(CATALOG_NAME) is None
