"""The command line's language: Swedish throughout, counts with singular and plural.

argparse writes its own words (usage, headings, errors) through gettext; sigdesk's
command line speaks Swedish everywhere else, so those words come from the table below.
A usage error is one line on stderr, naming the command and where its help is.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

#: argparse's messages (Python 3.11–3.13) in Swedish; any other is shown as argparse wrote it.
ARGPARSE_SV = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "följande argument saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "expected one argument": "ett värde saknas",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde saknas",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan vara %(matches)s"
    ),
    "not allowed with argument %s": "kan inte användas tillsammans med %s",
    "ignored explicit argument %r": "värdet %r används inte",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "unexpected option string: %s": "oväntad flagga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
}
_ARGPARSE_SV_PLURAL = {
    ("expected %s argument", "expected %s arguments"): ("%s värde saknas", "%s värden saknas"),
}


def _swedish(message: str) -> str:
    return ARGPARSE_SV.get(message, message)


def _swedish_plural(singular: str, plural: str, n: int) -> str:
    one, many = _ARGPARSE_SV_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def use_swedish_argparse() -> None:
    """Point argparse's gettext hooks at the Swedish table (before building a parser)."""
    setattr(argparse, "_", _swedish)  # noqa: B010  (argparse's own module-level hook)
    setattr(argparse, "ngettext", _swedish_plural)  # noqa: B010


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one Swedish line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: fel: {message} (se {self.prog} --help)\n")


def count(n: int, one: str, many: str) -> str:
    """ "1 planerat möte", "3 planerade möten", "0 planerade möten"."""
    return f"{n} {one if n == 1 else many}"
