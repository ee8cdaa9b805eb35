"""RELIABILITY 26: a custom template is data, not code.

Each hostile template would create a marker file if Jinja let it reach Python's
internals; it must get the ordinary "broken custom template" error naming the file,
and the marker must not exist afterwards.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from sigdesk.documents.render import DocumentKind, TemplateError, render
from tests.core.test_cli import PASS, _one_line, demo_file, sigdesk
from tests.core.test_render import invitation_doc

__all__ = ["demo_file"]  # the fixture, imported for the command-line test


def _payloads(marker: Path) -> list[tuple[str, str]]:
    """(template text, the attribute the sandbox refuses) — each would run `touch marker`."""
    cmd = f"touch {marker}"
    return [
        (f"{{{{ lipsum.__globals__['os'].popen('{cmd}').read() }}}}", "__globals__"),
        (f"{{{{ lipsum.__globals__.os.popen('{cmd}').read() }}}}", "__globals__"),
        (
            "{{ ''.__class__.__mro__[1].__subclasses__() }}"
            f"{{% for c in ''.__class__.__mro__[1].__subclasses__() %}}"
            f"{{% if c.__name__ == 'Popen' %}}{{{{ c('{cmd}', shell=True) }}}}{{% endif %}}"
            "{% endfor %}",
            "__class__",
        ),
        (f"{{{{ cycler.__init__.__globals__.os.popen('{cmd}').read() }}}}", "__init__"),
        (f"{{{{ joiner.__init__.__globals__.os.system('{cmd}') }}}}", "__init__"),
        (
            f"{{{{ self._TemplateReference__context.cycler.__init__.__globals__.os"
            f".system('{cmd}') }}}}",
            "_TemplateReference__context",
        ),
        (f"{{{{ (lipsum|attr('__globals__')).os.system('{cmd}') }}}}", "__globals__"),
        (
            f"{{{{ youth_first_name.__class__.__base__.__subclasses__() }}}}{cmd}",
            "__class__",
        ),
        (f"{{{{ '{{0.__class__}}'.format(place) }}}}{cmd}", "__class__"),
    ]


def _template(folder: Path, body: str, *, in_header: bool = False) -> Path:
    folder.mkdir(exist_ok=True)
    document = docx.Document()
    if in_header:
        document.sections[0].header.paragraphs[0].text = body
        document.add_paragraph("Kallelse för {{ youth_first_name }}")
    else:
        document.add_paragraph("Kallelse för {{ youth_first_name }}")
        document.add_paragraph(body)
    path = folder / DocumentKind.INVITATION.template_name
    document.save(str(path))
    return path


@pytest.mark.parametrize("index", range(9))
@pytest.mark.parametrize("in_header", [False, True])
def test_a_template_that_tries_to_run_code_is_refused(
    tmp_path: Path, index: int, in_header: bool
) -> None:
    marker = tmp_path / "marker"
    body, attribute = _payloads(marker)[index]
    folder = tmp_path / f"mallar{index}"
    path = _template(folder, body, in_header=in_header)
    with pytest.raises(TemplateError) as caught:
        render(DocumentKind.INVITATION, invitation_doc(), template_dir=folder)
    error = caught.value
    assert error.template_path == path
    assert error.field == attribute
    line = error.one_line()
    assert str(path) in line and f"'{attribute}'" in line and "inbyggda mallen" in line
    assert not marker.exists()


def test_the_same_template_without_the_walk_renders(tmp_path: Path) -> None:
    """The sandbox still gives templates their fields, loops and filters."""
    folder = tmp_path / "mallar"
    _template(folder, "{{ place|upper }} {% for h in agenda_outline %}{{ h }};{% endfor %}")
    data = render(DocumentKind.INVITATION, invitation_doc(), template_dir=folder)
    text = "\n".join(p.text for p in docx.Document(__import__("io").BytesIO(data)).paragraphs)
    assert "Kallelse för Elias" in text and "VÄSTBERGASKOLAN, RUM 12" in text


def test_export_with_a_hostile_template_runs_nothing(demo_file: Path, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    body, _ = _payloads(marker)[0]
    folder = tmp_path / "mallar"
    path = _template(folder, body)
    out = tmp_path / "kallelse.docx"
    result = sigdesk(
        "export", "kallelse", str(demo_file), "--youth", "3", "--out", str(out),
        "--templates", str(folder), passphrase=PASS,
    )  # fmt: skip
    assert result.returncode == 2
    line = _one_line(result)
    assert str(path) in line and "__globals__" in line
    assert not marker.exists() and not out.exists()
