"""A self-contained HTML report: a chart per indicator comparing provinces (each figure marked where an
official table agrees or contradicts it), corroborated and conflicting figures, failed checks. Charts are inline SVG; nothing is fetched when the page is viewed. Every string
from the warehouse is escaped: an article's text never becomes markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import NamedTuple

import duckdb

_BAR_HEIGHT, _BAR_GAP, _LABEL_WIDTH, _CHART_WIDTH = 22, 6, 170, 640
_UNITS = {"percent": "%", "storage": " TB", "money": " đ", "score": " điểm"}

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 960px; color: #1f2933; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d9e2ec; padding-bottom: .3rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .3rem; } .code { color: #627d98; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
.summary span { display: inline-block; margin-right: 1.5rem; } svg text { font-size: 12px; fill: #1f2933; }
.empty { color: #627d98; font-style: italic; }
"""


class Bar(NamedTuple):
    province: str
    value: float
    source: str
    verdict: str | None = None  # agrees / contradicts an official table; None when it holds no value
    official: float | None = None


# How a figure checked against an official table is marked beside its value.
_VERDICT_MARKS = {"agrees": " ✓", "contradicts": " ⚠"}


@dataclass
class Chart:
    indicator: str
    name: str
    kind: str
    bars: list[Bar]  # best first
    years: list[int] = field(default_factory=list)  # the years its figures are of

    @property
    def title(self) -> str:
        """The chart's name with the years of its figures, and how to read a rank."""
        years = sorted(set(self.years))
        when = "" if not years else f" ({years[0]})" if len(years) == 1 else f" ({years[0]}–{years[-1]})"
        return self.name + when + (": rank 1 is best" if self.kind == "rank" else "")


def number(value: float) -> str:
    """A value the Vietnamese way: "1.805", "80,79"."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    whole, fraction = f"{value:.2f}".rstrip("0").split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction


def svg_bars(chart: Chart) -> str:
    """A horizontal bar chart as inline SVG, bars in the order given. A rank's bar is as long as the rank:
    the best, rank 1, is the shortest and comes first."""
    top = max(bar.value for bar in chart.bars) or 1.0
    unit = _UNITS.get(chart.kind, "")
    height = len(chart.bars) * (_BAR_HEIGHT + _BAR_GAP)
    span = _CHART_WIDTH - _LABEL_WIDTH - 90
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_CHART_WIDTH}" height="{height}" role="img" '
             f'aria-label="{escape(chart.name)}">']
    for row, bar in enumerate(chart.bars):
        y = row * (_BAR_HEIGHT + _BAR_GAP)
        width = max(1.0, span * bar.value / top) if bar.value > 0 else 1.0
        mark = _VERDICT_MARKS.get(bar.verdict, "")
        checked = "" if bar.verdict is None else (
            "; agrees with the official table" if bar.verdict == "agrees"
            else f"; the official table says {number(bar.official)}")
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(bar.province)}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{_BAR_HEIGHT}" fill="#3e7cb1">'
            f'<title>{escape(bar.source + checked)}</title></rect>'
            f'<text x="{_LABEL_WIDTH + width + 6:.1f}" y="{y + 15}">{escape(number(bar.value) + unit + mark)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[tuple]) -> str:
    if not rows:
        return '<p class="empty">None.</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value)
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def read_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    """One chart per indicator with a latest value (levels only: latest_values holds no change and no bound),
    provinces best first (the highest value, the lowest rank), most-reported indicators first."""
    rows = con.execute(
        "SELECT l.indicator, i.name_vi, l.kind, l.province, CASE WHEN l.kind = 'ratio' THEN l.share_pct"
        " ELSE l.value END AS shown, l.source, l.year, l.verdict, l.official_value"
        " FROM latest_values l JOIN indicators i ON i.code = l.indicator"
        " WHERE shown IS NOT NULL"
        " ORDER BY l.indicator, CASE WHEN l.kind = 'rank' THEN shown ELSE -shown END, l.province").fetchall()
    charts: dict[str, Chart] = {}
    for code, name, kind, province, value, source, year, verdict, official in rows:
        chart = charts.setdefault(code, Chart(code, name, "percent" if kind == "ratio" else kind, []))
        chart.bars.append(Bar(province, value, source, verdict, official))
        if year is not None:
            chart.years.append(year)
    return sorted(charts.values(), key=lambda c: (-len(c.bars), c.indicator))


def build_report(db: str | Path) -> str:
    """The report's HTML."""
    with duckdb.connect(str(db), read_only=True) as con:
        documents, facts, provinces = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM facts),"
            " (SELECT count(DISTINCT province) FROM facts)").fetchone()
        charts = read_charts(con)
        corroborated = con.execute(
            "SELECT indicator, province, period_year, value, denominator, sources, outlets FROM corroborated_facts"
            " ORDER BY indicator, province").fetchall()
        conflicting = con.execute(
            "SELECT indicator, province, period_year, value, denominator, source, surface FROM conflicting_facts"
        ).fetchall()
        failed = con.execute("SELECT check_name, surface, detail FROM failed_checks ORDER BY check_name").fetchall()
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sections = [
        f"<h1>cds-facts: chuyển đổi số by province</h1><p class=\"summary\"><span>{documents} documents</span>"
        f"<span>{facts} facts</span><span>{provinces} provinces</span><span>generated {generated}</span></p>",
        "<h2>Latest value per indicator and province</h2>",
    ]
    if not charts:
        sections.append('<p class="empty">No facts with an indicator yet.</p>')
    else:
        sections.append('<p class="summary">✓ agrees with the official table, ⚠ contradicts it'
                        ' (the verified_facts view says with what).</p>')
    for chart in charts:
        sections.append(f'<h3>{escape(chart.title)} <span class="code">{escape(chart.indicator)}</span></h3>'
                        + svg_bars(chart))
    sections += [
        "<h2>Corroborated figures</h2>",
        _table(["indicator", "province", "year", "value", "of", "sources", "outlets"], corroborated),
        "<h2>Conflicting figures</h2>",
        _table(["indicator", "province", "year", "value", "of", "source", "as written"], conflicting),
        "<h2>Failed consistency checks</h2>",
        _table(["check", "as written", "detail"], failed),
    ]
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>cds-facts report</title>'
            f"<style>{_STYLE}</style></head><body>{''.join(sections)}</body></html>")


def write_report(db: str | Path, out: str | Path) -> Path:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_report(db), encoding="utf-8")
    return path
