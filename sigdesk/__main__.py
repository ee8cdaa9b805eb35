"""Entry point: `sigdesk` and `python -m sigdesk`. Parses, sets up logging, hands over."""

from __future__ import annotations

import logging
import sys


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from sigdesk.cli import run

    try:
        return run(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:  # `sigdesk deadlines ... | head`: the reader left, that is fine
        sys.stderr.close()
        return 0
    except Exception as exc:  # the last line of defence: one line, no traceback, no data
        print(f"sigdesk: oväntat fel ({type(exc).__name__})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
