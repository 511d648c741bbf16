"""Ingest: raw corpus text into typed records with provenance.

The entry points are :func:`ingest.pipeline.ingest_corpus` and
:func:`ingest.pipeline.ingest_file`.
"""
