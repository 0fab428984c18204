"""PNG and PDF bytes, deterministic. The PDF text patch lives here: the one place to
re-check on a matplotlib upgrade."""

from __future__ import annotations

import io
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure
from ecotown.briefing.facts import PRODUCER, BriefingFacts
from ecotown.briefing.layout import SHEETS

# --- PNG and PDF bytes ----------------------------------------------------------------------


def png_bytes(figure: Figure, facts: BriefingFacts) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=SHEETS["png"].dpi,
                   metadata={"Software": None, "Title": facts.title, "Source": PRODUCER})
    return buffer.getvalue()


def _one_text_per_cluster(cmap: bytes) -> bytes:
    """Rewrite a ToUnicode CMap so that each shaped Thai cluster is extracted once.

    matplotlib maps every glyph of a multi-glyph cluster (e.g. ท + ี + ่) to the whole
    cluster text, so PDF readers copy "ที่ที่ที่" for "ที่". The first glyph of a cluster
    (the lowest code: codes are given out in drawing order) keeps the text; the others map
    to nothing.
    """
    head, _, rest = cmap.partition(b"beginbfrange")
    body, _, tail = rest.partition(b"endbfrange")
    head = head[:head.rfind(b"\n") + 1]
    mapping: dict[int, str] = {}
    for match in re.finditer(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]", body):
        start = int(match[1], 16)
        for offset, value in enumerate(re.findall(rb"<([0-9a-fA-F]*)>", match[3])):
            mapping[start + offset] = bytes.fromhex(value.decode()).decode("utf-16-be")
    first: dict[str, int] = {}
    for code in sorted(mapping):
        if len(mapping[code]) > 1:
            first.setdefault(mapping[code], code)
    lines = [f"<{code:04x}> <{mapping[code].encode('utf-16-be').hex()}>"
             if len(mapping[code]) < 2 or first[mapping[code]] == code else f"<{code:04x}> <>"
             for code in sorted(mapping)]
    blocks = [lines[i:i + 100] for i in range(0, len(lines), 100)]
    chars = "".join(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n"
                    for block in blocks).encode("ascii")
    return head + chars + tail.lstrip(b"\n")


@cache
def _pdf_file_class() -> type:
    """matplotlib's PDF file, writing cluster-aware ToUnicode maps (see above)."""
    from matplotlib.backends.backend_pdf import PdfFile

    class ClusterTextPdfFile(PdfFile):
        def outputStream(self, ref, data, *, extra=None):  # matplotlib names it so
            if data.startswith(b"/CIDInit /ProcSet findresource begin") and b"bfrange" in data:
                data = _one_text_per_cluster(data)
            super().outputStream(ref, data, extra=extra)

    return ClusterTextPdfFile


def pages_pdf(figures, metadata: dict) -> bytes:
    """Several figures as the pages of one PDF (fonts embedded once), cluster-aware text,
    deterministic (no creation date)."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_pdf import RendererPdf

    buffer = io.BytesIO()
    file = _pdf_file_class()(buffer, metadata={"CreationDate": None, **metadata})
    try:
        for figure in figures:
            dpi = figure.dpi
            figure.dpi = 72
            width, height = figure.get_size_inches()
            file.newPage(width, height)
            renderer = MixedModeRenderer(figure, width, height, dpi,
                                         RendererPdf(file, dpi, height, width))
            figure.draw(renderer)
            renderer.finalize()
            figure.dpi = dpi
        file.finalize()
    finally:
        file.close()
    return buffer.getvalue()


@cache
def _pdf_canvas_class() -> type:
    """A PDF canvas whose file writes cluster-aware ToUnicode maps (see above)."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_pdf import FigureCanvasPdf, RendererPdf

    ClusterTextPdfFile = _pdf_file_class()

    class BriefingCanvasPdf(FigureCanvasPdf):
        def print_pdf(self, filename, *, bbox_inches_restore=None, metadata=None,
                      **_print_figure_options):
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            file = ClusterTextPdfFile(filename, metadata=metadata)
            try:
                file.newPage(width, height)
                renderer = MixedModeRenderer(self.figure, width, height, dpi,
                                             RendererPdf(file, dpi, height, width),
                                             bbox_inches_restore=bbox_inches_restore)
                self.figure.draw(renderer)
                renderer.finalize()
                file.finalize()
            finally:
                file.close()

    return BriefingCanvasPdf


def pdf_bytes(figure: Figure, facts: BriefingFacts) -> bytes:
    buffer = io.BytesIO()
    canvas = _pdf_canvas_class()(figure)
    canvas.print_figure(buffer, format="pdf", metadata={
        "Title": f"{facts.title} — {facts.subtitle}", "Subject": facts.badge,
        "Creator": PRODUCER, "Producer": PRODUCER, "CreationDate": None})
    return buffer.getvalue()
