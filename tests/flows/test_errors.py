"""The exception tree drawn in flows/errors.py's docstring is the tree the module defines, checked both ways."""

from __future__ import annotations

import inspect
import re

from flows import errors


def _drawn() -> dict[str, str | None]:
    """Each class of the drawing and its parent (by indentation)."""
    out: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in (errors.__doc__ or "").splitlines():
        m = re.match(r"^(\s*(?:[│ ]\s*)*(?:[├└]── )?)(\w+Error|\w+Failed|Cancelled|\w+Disallowed|\w+Address|\w+Redirect|"
                     r"\w+Large|NotHtml|HostPaused)\b", line)
        if not m:
            continue
        depth, name = len(m.group(1)), m.group(2)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        out[name] = stack[-1][1] if stack else None
        stack.append((depth, name))
    return out


def test_every_exception_is_drawn_under_its_parent_and_every_drawn_one_exists():
    defined = {n: c for n, c in vars(errors).items() if inspect.isclass(c) and issubclass(c, Exception)
               and c.__module__ == errors.__name__}
    drawn = _drawn()
    assert set(drawn) == set(defined)
    for name, parent in drawn.items():
        assert defined[name].__bases__[0].__name__ == (parent or "Exception"), name


def test_every_error_has_a_reason_of_its_own_for_the_pages_table():
    reasons = [c.reason for c in vars(errors).values() if inspect.isclass(c) and issubclass(c, errors.WartaError)]
    assert len(reasons) == len(set(reasons))
