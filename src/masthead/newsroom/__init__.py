"""The newsroom's trust signals: bylines and author pages, corrections and updates, reading time,
follow feeds, related briefings and live coverage (docs/newsroom.md).

``story`` holds what a post says about itself (read with its front matter), ``model`` what the
site derives from every post at once (in the assemble stage), the other modules render them.
"""
