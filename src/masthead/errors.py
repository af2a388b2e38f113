"""Problems with user input, collected and reported together.

Every problem names the file, the line, the field, what is wrong and what was expected, in the
form ``path:line: field: message``. The build collects all of them and fails once, so an editor
fixes a whole batch in one go instead of one error per run.
"""

from __future__ import annotations

import difflib
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import total_ordering
from typing import Any


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious, for warnings) in the user's input.

    ``line`` and ``column`` are 1-based, None when they would not help (a missing file, a whole
    file). ``detail`` is the traceback of an unexpected exception, shown only with ``--debug``.
    """

    path: str
    line: int | None
    field: str | None
    message: str
    warning: bool = False
    column: int | None = None
    detail: str = dataclass_field(default="", compare=False, repr=False)

    def sort_key(self) -> tuple[Any, ...]:
        """File, line, column, then the rest; a problem with no line comes first in its file."""
        return (self.path, self.line or 0, self.column or 0, self.field or "", self.message, self.warning)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.located("")

    def located(self, folder: str) -> str:
        """The problem with its path shown from ``folder`` (the site folder the user named)."""
        relative = not self.path.startswith("/")
        path = f"{folder.rstrip('/')}/{self.path}" if relative and folder not in ("", ".") else self.path
        where = path if self.line is None else f"{path}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        prefix = "warning: " if self.warning else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{field}{self.message}"


def unexpected(path: str, exc: BaseException, doing: str) -> Problem:
    """A Problem for ``path`` from an exception nobody foresaw while ``doing`` something with it.

    The boundary around each input file turns any exception into one of these, so a file the
    code did not expect is still reported as that file's problem, never as a crash.
    """
    name = exc.__class__.__name__
    text = " ".join(str(exc).split())[:300]
    detail = "".join(traceback.format_exception(exc))
    return Problem(
        path,
        None,
        None,
        f"could not be {doing} ({name}: {text}); expected a file masthead can read — "
        "please report this file to the masthead project (run with --debug for the details)",
        detail=detail,
    )


class MastheadError(Exception):
    """A failure caused by user input; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__(self.report())

    def report(self, folder: str = "", debug: bool = False) -> str:
        """Every problem numbered, in file and line order; with ``debug`` the tracebacks too."""
        lines = []
        for index, problem in enumerate(self.problems, 1):
            lines.append(f"{index}. {problem.located(folder)}")
            if debug and problem.detail:
                lines.append(problem.detail.rstrip())
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``did you mean "x"?`` hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f' (did you mean "{close[0]}"?)' if close else ""


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if not problem.warning]
