"""Which Host headers `briefing serve` builds links from, and which byte ranges it answers on
the feed it renders: the rules on their own, without a running server."""

from __future__ import annotations

import socket

import pytest

from briefing.publish.server import Listening, byte_range


@pytest.mark.parametrize("listen, host, expected", [
    ("0.0.0.0", "192.168.1.20:8000", "http://192.168.1.20:8000/"),
    ("0.0.0.0", "10.0.0.7:8000", "http://10.0.0.7:8000/"),
    ("0.0.0.0", "localhost:8000", "http://localhost:8000/"),
    ("0.0.0.0", f"{socket.gethostname()}:8000", f"http://{socket.gethostname()}:8000/"),
    ("127.0.0.1", "localhost:8000", "http://localhost:8000/"),
    ("127.0.0.1", "127.0.0.1:8000", "http://127.0.0.1:8000/"),
    ("::", "[fe80::1]:8000", "http://[fe80::1]:8000/"),
    ("192.168.1.20", "192.168.1.20:8000", "http://192.168.1.20:8000/"),
])
def test_an_address_the_server_answers_to_is_used(listen, host, expected):
    assert Listening(listen, 8000).base_for(host, "http") == expected


@pytest.mark.parametrize("listen, host", [
    ("0.0.0.0", "evil.example:8000"),        # a name this machine does not have (DNS rebinding)
    ("0.0.0.0", "192.168.1.20:9000"),        # another port: not this server
    ("0.0.0.0", "192.168.1.20"),             # port 80 implied
    ("127.0.0.1", "192.168.1.20:8000"),      # not listening there
    ("192.168.1.20", "10.0.0.7:8000"),
    ("0.0.0.0", "192.168.1.20:8000/x"),      # not a host
    ("0.0.0.0", "a b:8000"),
    ("0.0.0.0", ""),
])
def test_anything_else_gets_the_printed_address(listen, host):
    listening = Listening(listen, 8000)
    assert listening.base_for(host, "http") == listening.fallback_base
    assert "evil" not in listening.fallback_base


@pytest.mark.parametrize("header, expected", [
    ("bytes=0-9", (0, 9)), ("bytes=10-", (10, 99)), ("bytes=-5", (95, 99)), ("bytes=90-200", (90, 99)),
    ("bytes=100-", None), ("bytes=5-2", None), ("bytes=-0", None),
    ("bytes=0-1,5-6", (0, 99)), ("items=0-1", (0, 99)),  # not one byte span: the whole body
])
def test_byte_ranges_of_a_rendered_document(header, expected):
    assert byte_range(header, 100) == expected
