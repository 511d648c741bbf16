"""Problems found while ingesting: each names the file and line."""

from enum import Enum

from pydantic import BaseModel, ConfigDict


class Severity(str, Enum):
    """How bad a problem is: an ``error`` drops the file, a ``warning`` drops only a part."""

    ERROR = "error"
    WARNING = "warning"
    UNPLACED = "unplaced"


class Problem(BaseModel):
    """One thing a person should look at, with the file and line where it is."""

    model_config = ConfigDict(frozen=True)

    source_file: str
    line: int | None
    severity: Severity
    message: str

    @property
    def where(self) -> str:
        """``file:line``, or the file alone for a problem of the whole file."""
        return self.source_file if self.line is None else f"{self.source_file}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.severity.value}: {self.message}"
