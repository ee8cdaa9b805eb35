"""Word documents (SPEC §5): render a context into a .docx, and write it without harm.

`render(kind, context)` fills a docxtpl template with a frozen dataclass from
`sigdesk.documents.context`; `write_document(data, out)` puts the bytes on disk through a
temporary file and a rename, never over an existing file unless asked. Nothing here
touches the database or Qt; docxtpl and python-docx are imported only when a document
is made, because they cost start-up time.

Templates see the context through `template_context`: dataclasses become mappings,
dates ISO text, times "HH:MM", None "", and every string is stripped of what XML 1.0
cannot hold. Rendering uses Jinja's autoescape (without it docxtpl drops any text with
`&` or `<`) and StrictUndefined, so a template that names a field the context does not
have fails loudly with the field's name instead of printing nothing.

Templates are data, not code: they render in Jinja's `SandboxedEnvironment`, so a custom
template that walks to Python internals (`lipsum.__globals__`, `''.__class__.__mro__`,
`cycler.__init__.__globals__`, …) gets the normal template error and runs nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import functools
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from sigdesk.documents import context as dc
from sigdesk.errors import DiskFullError, SigdeskError
from sigdesk.store.fileutil import atomic_write_bytes, is_disk_full
from sigdesk.store.outputs import OutputExistsError, check_output_path


class DocumentKind(StrEnum):
    """The documents the tool writes; the values are the command line's KIND."""

    PLAN = "plan"
    PLAN_SHORT = "plan-short"
    INVITATION = "kallelse"
    AGENDA = "agenda"
    MINUTES = "minutes"

    @property
    def template_name(self) -> str:
        return _TEMPLATE_NAMES[self]

    @property
    def context_type(self) -> type:
        return _CONTEXT_TYPES[self]


_TEMPLATE_NAMES: dict[DocumentKind, str] = {
    DocumentKind.PLAN: "atgardsplan.docx",
    DocumentKind.PLAN_SHORT: "atgardsplan_kort.docx",
    DocumentKind.INVITATION: "kallelse.docx",
    DocumentKind.AGENDA: "dagordning.docx",
    DocumentKind.MINUTES: "minnesanteckningar.docx",
}
_CONTEXT_TYPES: dict[DocumentKind, type] = {
    DocumentKind.PLAN: dc.PlanDoc,
    DocumentKind.PLAN_SHORT: dc.PlanShortDoc,
    DocumentKind.INVITATION: dc.InvitationDoc,
    DocumentKind.AGENDA: dc.AgendaDoc,
    DocumentKind.MINUTES: dc.MinutesDoc,
}


class TemplateError(SigdeskError):
    """A template cannot be used; `template_path` names it and `reason` says why."""

    def __init__(
        self, template_path: Path, reason: str, *, field: str | None = None, custom: bool = True
    ) -> None:
        super().__init__(
            f"Mallen {template_path} går inte att använda ({reason}).",
            hint="Den inbyggda mallen kan användas i stället." if custom else None,
        )
        self.template_path = template_path
        self.reason = reason
        self.field = field


def builtin_template_dir() -> Path:
    """The folder of the templates shipped with sigdesk (also inside a frozen build)."""
    return Path(__file__).resolve().parent.parent / "templates"


def template_path(kind: DocumentKind | str, template_dir: Path | None = None) -> Path:
    """The template `render` uses: the custom one when `template_dir` holds it. `kind` is a
    DocumentKind or a template's file name ("uppfoljningsrapport.docx")."""
    name = kind.template_name if isinstance(kind, DocumentKind) else kind
    if template_dir is not None:
        custom = Path(template_dir) / name
        if custom.is_file():
            return custom
    return builtin_template_dir() / name


# --- cleaning the context ---------------------------------------------------------------

# XML 1.0 allows #x9 #xA #xD, #x20–#xD7FF, #xE000–#xFFFD and above; C1 controls are
# allowed but mean nothing in a letter and upset some readers, so they go too.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """`text` without characters XML cannot hold; CR and CRLF become a newline."""
    return _NOT_XML.sub("", _NEWLINES.sub("\n", str(text)))


def template_context(value: Any) -> Any:
    """The plain form of a context for Jinja (see the module docstring for the rules)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: template_context(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {clean_text(k): template_context(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [template_context(v) for v in value]
    return clean_text(str(value))


# --- rendering ------------------------------------------------------------------------------


def render(
    kind: DocumentKind | str, context: dc.DocContext, *, template_dir: Path | None = None
) -> bytes:
    """The .docx bytes of document `kind` filled from `context`.

    Raises TemplateError when the template (custom or built-in) cannot be used, and
    TypeError when `context` is not the dataclass of `kind` (a programming error).
    """
    kind = DocumentKind(kind)
    if not isinstance(context, kind.context_type):
        raise TypeError(f"{kind} needs {kind.context_type.__name__}, not {type(context).__name__}")
    return render_template(kind.template_name, context, template_dir=template_dir)


def render_template(
    name: str,
    context: object,
    *,
    template_dir: Path | None = None,
    images: Mapping[str, tuple[bytes, float]] | None = None,
) -> bytes:
    """The .docx bytes of template `name` (custom when `template_dir` holds it) filled from
    the dataclass `context`; `images` (name → PNG bytes and width in mm) reach the template
    as `charts.<name>`. Sandboxed as every document: templates may only show fields."""
    path = template_path(name, template_dir)
    custom = path.parent != builtin_template_dir()
    values = template_context(context)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(path, "filen kan inte läsas", custom=custom) from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(path, "filen är inte ett Word-dokument (.docx)", custom=custom)
    return _render_bytes(data, values, path, custom=custom, images=images)


@functools.cache
def _template_class() -> type:
    """docxtpl's DocxTemplate, with the rendered body put in place without a slow move.

    docxtpl parses the rendered body into a new lxml document and moves it into the
    package's tree; lxml reconciles the `xml:space` attribute of every text run on the
    way, which grows with the square of their number (each line break adds one): a
    1 MB note of short lines took minutes. Parsing the whole part from text is linear.
    """
    from docx.oxml.parser import parse_xml
    from docxtpl import DocxTemplate
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    class _LinearTemplate(DocxTemplate):  # type: ignore[misc]
        def map_tree(self, tree: Any) -> None:
            this: Any = self  # docxtpl is untyped
            part = this.docx.part
            root = part.element
            root.remove(root.body)
            root.append(etree.Element("sigdesk-body"))
            shell = etree.tostring(root, encoding="unicode")
            before, after = re.split(r"<sigdesk-body(?: [^>]*)?/>", shell, maxsplit=1)
            body = etree.tostring(tree, encoding="unicode")
            part._element = parse_xml((before + body + after).encode("utf-8"))
            this.docx = part.document

    return _LinearTemplate


def _render_bytes(
    data: bytes,
    values: dict[str, Any],
    path: Path,
    *,
    custom: bool,
    images: Mapping[str, tuple[bytes, float]] | None = None,
) -> bytes:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        template = _template_class()(io.BytesIO(data))
        if images is not None:
            values = values | {"charts": _inline_images(template, images)}
        template.render(values, jinja_env=env, autoescape=True)
        out = io.BytesIO()
        template.save(out)
    except jinja2.exceptions.SecurityError as exc:
        field = _unsafe_field(str(exc))
        reason = f"otillåten åtkomst till '{field}': mallar får bara visa fält"
        raise TemplateError(path, reason, field=field, custom=custom) from exc
    except jinja2.UndefinedError as exc:
        field = _unknown_field(str(exc))
        raise TemplateError(path, f"okänt fält '{field}'", field=field, custom=custom) from exc
    except jinja2.TemplateSyntaxError as exc:
        reason = f"fel i en malltagg på rad {exc.lineno}: {exc.message}"
        raise TemplateError(path, reason, custom=custom) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(path, f"fel i mallen: {exc}", custom=custom) from exc
    except Exception as exc:  # a damaged or foreign package: python-docx, lxml, zipfile
        reason = f"filen är inte en giltig Word-mall ({type(exc).__name__})"
        raise TemplateError(path, reason, custom=custom) from exc
    return out.getvalue()


def _inline_images(template: Any, images: Mapping[str, tuple[bytes, float]]) -> dict[str, Any]:
    from docx.shared import Mm
    from docxtpl import InlineImage

    return {
        name: InlineImage(template, io.BytesIO(png), width=Mm(width_mm))
        for name, (png, width_mm) in images.items()
    }


_FIELD_PATTERNS = (
    re.compile(r"has no attribute '([^']+)'"),
    re.compile(r"'([^']+)' is undefined"),
    re.compile(r"no element '?([^']+)'?"),
)


_UNSAFE_PATTERNS = (
    re.compile(r"attribute '([^']+)'"),
    re.compile(r"(\S+) is not safely callable"),
)


def _unsafe_field(message: str) -> str:
    """The attribute or callable the sandbox refused, from Jinja's SecurityError text."""
    for pattern in _UNSAFE_PATTERNS:
        found = pattern.search(message)
        if found:
            return found.group(1)
    return message


def _unknown_field(message: str) -> str:
    for pattern in _FIELD_PATTERNS:
        found = pattern.search(message)
        if found:
            return found.group(1)
    return message


# --- writing -------------------------------------------------------------------------------


def write_document(
    data: bytes, out: Path, *, overwrite: bool = False, protect: Iterable[Path] = ()
) -> Path:
    """Write `data` to `out` whole or not at all; an existing file is kept unless `overwrite`.

    A caseload or its key file (or one named in `protect`) is never written, even with
    `overwrite` (sigdesk.store.outputs). Errors are SigdeskError with a one-line Swedish
    message; nothing partial is left and no other file is touched (the temporary file
    lives beside `out` and is removed).
    """
    out = check_output_path(Path(out), overwrite=overwrite, protect=protect)
    try:
        atomic_write_bytes(out, data, overwrite=overwrite)
    except FileExistsError as exc:
        raise OutputExistsError(f"Filen finns redan: {out}") from exc
    except PermissionError as exc:
        raise SigdeskError(
            f"Filen {out} kan inte skrivas: behörighet saknas "
            "(mappen är skrivskyddad eller filen är öppen i ett annat "
            "program)."
        ) from exc
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError(f"{out.name} kunde inte skrivas") from exc
        raise SigdeskError(f"Filen {out} kan inte skrivas: {_os_reason(exc)}.") from exc
    return out


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "disken är full",
        errno.EROFS: "enheten är skrivskyddad",
        errno.ENAMETOOLONG: "namnet är för långt",
        getattr(errno, "EDQUOT", -1): "lagringskvoten är slut",
        errno.EINVAL: "namnet är ogiltigt",
    }
    return reasons.get(exc.errno or 0, f"systemfel {exc.errno}" if exc.errno else "okänt fel")
