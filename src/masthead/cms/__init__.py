"""Decap CMS support: ``init`` writes the admin files, ``localbackend`` answers Decap's local
backend protocol so that ``masthead serve`` replaces ``npx decap-server``.
"""
