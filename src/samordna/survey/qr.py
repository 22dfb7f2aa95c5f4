"""QR codes (segno) and the printable poster (WeasyPrint) for a distribution's short link."""
import io

import segno
from django.template.loader import render_to_string


def qr_svg(url: str, scale: int = 8) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=scale, border=2, xmldecl=True,
                                    svgclass=None, lineclass=None, title="QR-kod till enkäten")
    return out.getvalue()


def qr_png(url: str, scale: int = 10) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=scale, border=2)
    return out.getvalue()


def poster_pdf(distribution, url: str) -> bytes:
    from weasyprint import HTML  # imported late: slow, and only the poster needs it

    svg = qr_svg(url, scale=12).decode()
    svg = svg[svg.index("<svg"):]
    html = render_to_string("survey/poster.html", {"distribution": distribution, "url": url, "svg": svg})
    return HTML(string=html).write_pdf()
