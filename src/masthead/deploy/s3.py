"""An S3-compatible bucket through boto3 (the ``deploy`` extra): list, read metadata, upload, copy, delete.

Credentials come from wherever boto3 looks (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE,
~/.aws, an instance role) or the target's ``profile``; masthead never reads or stores them.
Every failure becomes a ``MastheadError`` naming the target.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..config import DeployTarget
from ..errors import MastheadError, Problem
from .plan import Action, Remote, Stored, object_arguments

T = TypeVar("T")
MULTIPART_THRESHOLD = 64 * 1024 * 1024  # larger files go up in parts; their ETag is no MD5, the metadata is
MD5_KEY = "md5"  # x-amz-meta-md5: the MD5 of the uploaded bytes, whatever the ETag is
DIGEST_KEY = "digest"  # x-amz-meta-digest: of those bytes and every header the upload set


def _boto3() -> Any:
    try:
        import boto3
    except ImportError as exc:
        raise MastheadError(
            [Problem("masthead.toml", None, "deploy.targets", "deploying needs boto3; expected it installed: pip install 'masthead[deploy]'")]
        ) from exc
    return boto3


@contextmanager
def failures(target: DeployTarget) -> Iterator[None]:
    """Turn boto3's errors (no credentials, no bucket, no connection) into a problem naming the target."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except ClientError as exc:
        error = exc.response.get("Error", {})
        raise MastheadError(
            [
                Problem(
                    "masthead.toml",
                    None,
                    f"deploy.targets.{target.name}",
                    f"bucket {target.bucket!r}: {error.get('Code', 'error')}: {error.get('Message', exc)}; "
                    "expected a bucket these credentials may list and write",
                )
            ]
        ) from exc
    except BotoCoreError as exc:
        raise MastheadError(
            [
                Problem(
                    "masthead.toml",
                    None,
                    f"deploy.targets.{target.name}",
                    f"{exc}; expected credentials in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile, and a reachable endpoint",
                )
            ]
        ) from exc


class Bucket:
    """One target's bucket and prefix; keys are output paths below the prefix."""

    def __init__(self, target: DeployTarget, multipart_threshold: int = MULTIPART_THRESHOLD) -> None:
        from botocore.config import Config

        boto3 = _boto3()
        self.target = target
        self.prefix = target.prefix.strip("/") + "/" if target.prefix.strip("/") else ""
        session = boto3.session.Session(profile_name=target.profile or None)
        options: dict[str, Any] = {"retries": {"max_attempts": 5, "mode": "standard"}, "max_pool_connections": 32}
        if target.endpoint:  # R2, MinIO, B2…: path-style URLs and only the checksums they all accept
            options.update(s3={"addressing_style": "path"}, request_checksum_calculation="when_required", response_checksum_validation="when_required")
        with failures(target):
            self.client = session.client("s3", endpoint_url=target.endpoint or None, region_name=target.region or None, config=Config(**options))
            self.session = session
        self.threshold = multipart_threshold

    def listing(self) -> dict[str, Remote]:
        found: dict[str, Remote] = {}
        with failures(self.target):
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.target.bucket, Prefix=self.prefix):
                for item in page.get("Contents", ()):
                    path = item["Key"][len(self.prefix) :]
                    found[path] = Remote(path, item["ETag"].strip('"'), item["Size"], item["LastModified"].isoformat())
        return found

    def stored(self, path: str) -> Stored:
        """What the object's metadata says of its upload (a HEAD request)."""
        with failures(self.target):
            metadata = self.client.head_object(Bucket=self.target.bucket, Key=self.prefix + path).get("Metadata", {})
        return Stored(str(metadata.get(MD5_KEY, "")), str(metadata.get(DIGEST_KEY, "")))

    @staticmethod
    def _arguments(action: Action) -> dict[str, Any]:
        assert action.headers is not None
        return {**object_arguments(action.headers), "Metadata": {MD5_KEY: action.md5, DIGEST_KEY: action.digest}}

    def upload(self, action: Action, data: bytes) -> None:
        from boto3.s3.transfer import TransferConfig

        config = TransferConfig(multipart_threshold=self.threshold, multipart_chunksize=max(self.threshold, 5 * 1024 * 1024), use_threads=False)
        with failures(self.target):
            self.client.upload_fileobj(io.BytesIO(data), self.target.bucket, self.prefix + action.path, ExtraArgs=self._arguments(action), Config=config)

    def copy(self, action: Action) -> None:
        """New headers on an object whose body is already right: copied onto itself, no bytes sent."""
        key = self.prefix + action.path
        with failures(self.target):
            source = {"Bucket": self.target.bucket, "Key": key}
            self.client.copy_object(Bucket=self.target.bucket, Key=key, CopySource=source, MetadataDirective="REPLACE", **self._arguments(action))

    def delete(self, paths: list[str], done: Callable[[int], None]) -> None:
        with failures(self.target):
            for start in range(0, len(paths), 1000):  # DeleteObjects takes 1,000 keys a request
                chunk = paths[start : start + 1000]
                answer = self.client.delete_objects(
                    Bucket=self.target.bucket, Delete={"Objects": [{"Key": self.prefix + path} for path in chunk], "Quiet": True}
                )
                if answer.get("Errors"):
                    error = answer["Errors"][0]
                    raise MastheadError(
                        [
                            Problem(
                                "masthead.toml",
                                None,
                                f"deploy.targets.{self.target.name}",
                                f"could not delete {error.get('Key')}: {error.get('Code')}: {error.get('Message')}",
                            )
                        ]
                    )
                done(len(chunk))
