"""Fixtures for the deploy tests: moto's S3 + CloudFront server, a gate in front of it, an HTTP recorder.

All of them listen on 127.0.0.1 on ephemeral ports and stop at the end of their test.
"""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import pytest
from conftest import CONFIG, server_fixture
from moto.server import ThreadedMotoServer


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@dataclass
class Aws:
    endpoint: str
    bucket: str
    distribution: str

    def s3(self) -> Any:
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1")

    def cloudfront(self) -> Any:
        return boto3.client("cloudfront", endpoint_url=self.endpoint, region_name="us-east-1")

    def objects(self, prefix: str = "") -> dict[str, bytes]:
        client = self.s3()
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
            for item in page.get("Contents", ()):
                found[item["Key"][len(prefix) :]] = client.get_object(Bucket=self.bucket, Key=item["Key"])["Body"].read()
        return found

    def invalidations(self) -> list[list[str]]:
        client = self.cloudfront()
        listed = client.list_invalidations(DistributionId=self.distribution)["InvalidationList"].get("Items", [])
        return [
            client.get_invalidation(DistributionId=self.distribution, Id=item["Id"])["Invalidation"]["InvalidationBatch"]["Paths"].get("Items", [])
            for item in listed
        ]


_buckets = iter(range(1_000_000))


@server_fixture()
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Aws:
    """A fresh bucket and CloudFront distribution; AWS variables point boto3 at moto."""
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
        ("AWS_ENDPOINT_URL_CLOUDFRONT", moto_endpoint),
    ):
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)
    bucket = f"site-{next(_buckets)}"
    aws = Aws(moto_endpoint, bucket, "")
    aws.s3().create_bucket(Bucket=bucket)
    origin = {"Id": "s3", "DomainName": f"{bucket}.s3.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}
    answer = aws.cloudfront().create_distribution(
        DistributionConfig={
            "CallerReference": bucket,
            "Comment": "",
            "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [origin]},
            "DefaultCacheBehavior": {
                "TargetOriginId": "s3",
                "ViewerProtocolPolicy": "allow-all",
                "MinTTL": 0,
                "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
            },
        }
    )
    aws.distribution = answer["Distribution"]["Id"]
    return aws


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Recorder:
    """An HTTP server that records every request and answers with ``status``."""

    url: str = ""
    status: int = 200
    requests: list[Recorded] = field(default_factory=list)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    found = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the base class's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            found.requests.append(Recorded("POST", self.path, dict(self.headers), body))
            self.send_response(found.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    found.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield found
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Gate:
    """A forwarder in front of moto that holds the ``hold_at``-th object upload until the test lets go.

    ``reached`` is set when that upload arrives: the client is then provably midway through a deploy.
    """

    def __init__(self, upstream: str, hold_at: int) -> None:
        self.upstream = upstream.removeprefix("http://")
        self.hold_at = hold_at
        self.uploads = 0
        self.lock = threading.Lock()
        self.reached = threading.Event()
        self.release = threading.Event()
        gate = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.command == "PUT":
                    with gate.lock:
                        gate.uploads += 1
                        held = gate.uploads >= gate.hold_at
                    if held:
                        gate.reached.set()
                        gate.release.wait()
                        return
                connection = http.client.HTTPConnection(gate.upstream, timeout=30)
                headers = {key: value for key, value in self.headers.items() if key.lower() not in ("connection",)}
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length", "server", "date"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                connection.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def deploy_config(aws: Aws, extra: str = "", prefix: str = "") -> str:
    return (
        CONFIG
        + f"""
[deploy]
{extra}

[[deploy.targets]]
name = "production"
bucket = "{aws.bucket}"
endpoint = "{aws.endpoint}"
prefix = "{prefix}"
region = "us-east-1"
cloudfront_distribution = "{aws.distribution}"
"""
    )
