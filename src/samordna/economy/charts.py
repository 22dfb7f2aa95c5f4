"""Budget against outcome as a server-side SVG (pygal, no scripts); the page's tables carry the same figures."""
import re

import pygal
from pygal.style import Style

STYLE = Style(background="#ffffff", plot_background="#ffffff", foreground="#1b1b1b", foreground_strong="#1b1b1b",
              foreground_subtle="#505a5f", colors=("#1d4f91", "#00703c", "#8a4b00"), font_family="system-ui, sans-serif",
              label_font_size=14, major_label_font_size=14, legend_font_size=14, value_font_size=13, title_font_size=16)
SCRIPT = re.compile(r"<script.*?</script>", re.S)


def outcome_chart(sections) -> str:
    """Budget, booked so far and forecast per section, in mnkr so the axis stays readable (the tables give tkr)."""
    shown = [s for s in sections if s.lines]
    chart = pygal.HorizontalBar(style=STYLE, js=[], disable_xml_declaration=True, legend_at_bottom=True, width=800, truncate_label=-1,
                                height=max(240, 80 + 70 * len(shown)), title="Budget, utfall hittills och prognos (mnkr)",
                                value_formatter=lambda v: f"{v:.1f}".replace(".", ",").replace(",0", ""))
    chart.x_labels = [s.title for s in shown]
    totals = [s.totals for s in shown]
    chart.add("Budget", [float(t["amount"]) / 1000 for t in totals])
    chart.add("Utfall hittills", [float(t["actual"]) / 1000 for t in totals])
    chart.add("Prognos helår", [float(t["forecast"]) / 1000 for t in totals])
    return SCRIPT.sub("", chart.render(is_unicode=True))
