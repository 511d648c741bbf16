"""The reviewed reference tables of ``data/reference/`` and the one loader that reads them.

Every table is a UTF-8 CSV with a header row, read by :func:`read_table`
(:mod:`ingest.reference.tables`); ``data/reference/README.md`` gives sources and corrections.
The region tree is :mod:`ingest.reference.regions`, the department naming rules
:mod:`ingest.reference.departments`; the graph reads its indicator and topic tables through
:func:`read_table` too.
"""

from ingest.reference.regions import Region, RegionTable, load_regions
from ingest.reference.tables import REFERENCE_DIR, read_table

__all__ = ["REFERENCE_DIR", "Region", "RegionTable", "load_regions", "read_table"]
