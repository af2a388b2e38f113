"""``masthead deploy``: publish the output folder to S3-compatible storage, incrementally.

``plan`` compares the built files with the bucket, ``matchers`` decides each file's headers,
``s3`` talks to the store, ``cloudfront`` invalidates what changed, ``notify`` tells IndexNow
and a WebSub hub, and ``run`` puts them in order (docs/deploy.md).
"""
