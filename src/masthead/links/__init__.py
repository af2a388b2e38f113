"""Link hygiene: citations as data, tracking links found and resolved, dead links caught.

rules (which URLs track), outlets (who is cited), scan (links in source files, byte-exact),
store (answers over time), resolve (asking over HTTP), audit (scan + store + resolve → report),
fix (rewriting sources), publish (the build's ``links.rewrite``), citations (records, outlets).
"""
