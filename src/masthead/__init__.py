"""masthead: a fast publishing system for news briefings."""

__version__ = "0.1.0"
