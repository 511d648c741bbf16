"""Ingest: raw corpus text into typed records with provenance.

The entry points are :func:`ingest.corpus.ingest_corpus` and
:func:`ingest.corpus.ingest_file`.
"""
