"""Entry point: `sigdesk` and `python -m sigdesk`. Parses, sets up logging, hands over."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from sigdesk.logs import install_excepthook, log_crash, setup_logging
    from sigdesk.logs import unexpected_error_line as error_line

    # Files under the user log folder, WARNING+ on stderr; every record passes through
    # RedactingFilter (no personal data). Nothing is written until something is logged.
    setup_logging()
    install_excepthook()
    from sigdesk.cli import run

    try:
        return run(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:  # `sigdesk deadlines ... | head`: the reader left, that is fine
        sys.stderr.close()
        return 0
    except Exception as exc:  # the last line of defence: one line, no traceback, no data
        log_crash(type(exc), exc, exc.__traceback__)
        print(error_line(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
