"""The error ingest raises for input it cannot read."""


class IngestError(Exception):
    """Input that cannot be ingested, with the file and (when known) the line."""

    def __init__(self, source_file: str, line: int | None, message: str):
        self.source_file = source_file
        self.line = line
        self.message = message
        where = source_file if line is None else f"{source_file}:{line}"
        super().__init__(f"{where}: {message}")
