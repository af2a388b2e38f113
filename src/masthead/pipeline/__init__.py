"""The build's stages, each a function returning a frozen result (``build.py`` runs them in order):

``parse`` → ``Parsed``, ``assemble`` → ``Assembled``, ``plan`` → ``Plan``, ``render`` → ``Rendered``,
``commit`` → ``Committed``. ``masthead check`` runs the same stages and stops before the commit.
"""
