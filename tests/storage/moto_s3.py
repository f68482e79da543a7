"""A real S3-compatible server for the tests: moto's standalone server (`moto_server`, from the
`moto[server]` package) on a free 127.0.0.1 port, in a subprocess.

Tests get it through the session fixture `s3_server` (tests/conftest.py); each test makes its
own bucket with `s3_server.bucket()`, readable by anyone (as a podcast bucket behind a CDN is),
so a plain HTTP GET of a public URL is what a podcast app would do.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import stop

REGION = "us-east-1"
_names = itertools.count(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class S3Server:
    """moto_server running on 127.0.0.1; `env` is what a briefing process needs to use it."""

    def __init__(self, log: Path):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        executable = Path(sys.executable).with_name("moto_server")
        command = [str(executable)] if executable.exists() else [sys.executable, "-m", "moto.server"]
        self._log = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen([*command, "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self._log, stderr=subprocess.STDOUT)
        self.env = {
            "AWS_ACCESS_KEY_ID": "briefing-test", "AWS_SECRET_ACCESS_KEY": "briefing-test-secret",
            "AWS_ENDPOINT_URL": self.endpoint, "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION,
        }
        self._wait()

    def _wait(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto_server exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("moto_server did not start")

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name=REGION,
                            aws_access_key_id=self.env["AWS_ACCESS_KEY_ID"],
                            aws_secret_access_key=self.env["AWS_SECRET_ACCESS_KEY"])

    def bucket(self, prefix: str = "podcasts", public: bool = True) -> str:
        """A new, empty bucket; public: anyone may GET its objects except the catalog."""
        name = f"{prefix}-{next(_names)}-{os.getpid()}"
        client = self.client()
        client.create_bucket(Bucket=name)
        if public:
            client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
        return name

    def public_url(self, bucket: str, prefix: str = "") -> str:
        """Where the bucket's objects answer anonymous GETs (path-style)."""
        return f"{self.endpoint}/{bucket}/" + (prefix.strip("/") + "/" if prefix.strip("/") else "")

    def stop(self) -> None:
        stop(self.process)
        self._log.close()

    def __enter__(self) -> S3Server:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def public_read_policy(bucket: str) -> dict:
    """The policy the README suggests: what listeners fetch is public, the catalog is not."""
    public = ("*feed.xml", "*index.html", "*cover.jpg", "*cover.png", "*episodes/*",
              # the page as an app, and the embed pages (publish/app.py, publish/embed.py)
              "*manifest.webmanifest", "*sw.js", "*app.js", "*icon-192.png", "*icon-512.png", "*embed/*")
    return {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
         "Resource": [f"arn:aws:s3:::{bucket}/{pattern}" for pattern in public]},
    ]}
