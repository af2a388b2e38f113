"""Problems with user input, collected and reported together.

Every problem names the file, the line, the field, what is wrong and what was expected, in the
form ``path:line: field: message``. The build collects all of them and fails once, so an editor
fixes a whole batch in one go instead of one error per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or suspicious, for warnings) in the user's input."""

    path: str
    line: int | None
    field: str | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return self.located("")

    def located(self, folder: str) -> str:
        """The problem with its path shown from ``folder`` (the site folder the user named)."""
        relative = not self.path.startswith("/")
        path = f"{folder.rstrip('/')}/{self.path}" if relative and folder not in ("", ".") else self.path
        where = path if self.line is None else f"{path}:{self.line}"
        prefix = "warning: " if self.warning else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{field}{self.message}"


class MastheadError(Exception):
    """A failure caused by user input; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__(self.report())

    def report(self, folder: str = "") -> str:
        lines = [f"{index}. {problem.located(folder)}" for index, problem in enumerate(self.problems, 1)]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``did you mean "x"?`` hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f' (did you mean "{close[0]}"?)' if close else ""


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if not problem.warning]
