"""What a run did, as Markdown and tables for the Prefect UI: plain data in, strings and rows out.

Everything that comes from an input (file names, URLs, article text) is
escaped: a page's HTML or Markdown must show as text, never render.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from cds_facts.tasks.models import Fact, Quarantined, RunCounts, Skipped

MAX_FACT_ROWS = 200  # an artifact is for a glance; the warehouse holds the rest
MAX_LISTED_FAILURES = 20  # inputs that failed, named in a flow's result for the command to print
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Text that renders as itself in Markdown: specials backslashed, HTML characters as entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


@dataclass
class RunRecord:
    """Accumulates what a run's batches did, keeping only a sample of the new facts."""

    flow_name: str
    run_id: str = ""
    counts: RunCounts = field(default_factory=RunCounts)
    quarantined: list[Quarantined] = field(default_factory=list)
    new_facts: list[Fact] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    flow_run_id: str | None = None  # Prefect's id of the flow run, when it differs from run_id
    progress_id: object = None  # the run's progress artifact in Prefect, if it has one
    contradictions: list[dict[str, str]] = field(default_factory=list)  # its figures an official table contradicts

    def add(self, counts: RunCounts, quarantined: list[Quarantined] = (), facts: list[Fact] = (),
            skipped: list[Skipped] = ()) -> None:
        self.counts.add(counts)
        self.quarantined += quarantined
        self.new_facts += facts[:MAX_FACT_ROWS - len(self.new_facts)]
        self.skipped += skipped

    def skip(self, skipped: list[Skipped]) -> None:
        """Inputs passed over on purpose: counted seen and skipped."""
        self.add(RunCounts(seen=len(skipped), skipped=len(skipped)), skipped=skipped)

    def result(self) -> dict[str, int | str]:
        """What a flow returns: its counts, its run id, and why inputs were skipped."""
        return {**asdict(self.counts), "run_id": self.run_id, "flow_run_id": self.flow_run_id,
                "skipped_because": skipped_summary(self.skipped),
                "quarantined": [(q.source_uri, q.stage, q.error) for q in self.quarantined[:MAX_LISTED_FAILURES]]}


def skipped_summary(skipped: list[Skipped]) -> str:
    """Why inputs were passed over, in one line: "unsupported type: .docx, .pdf; disallowed by robots.txt"."""
    details: dict[str, set[str]] = {}
    for item in skipped:
        details.setdefault(item.reason, set()).add(item.detail)
    return "; ".join(reason + (": " + ", ".join(sorted(d for d in found if d)) if any(found) else "")
                     for reason, found in sorted(details.items()))


def summary_markdown(record: RunRecord, seconds: float, status: str) -> str:
    c = record.counts
    lines = [
        f"# {escape_markdown(record.flow_name)} run: {status}",
        "",
        "| inputs seen | new | changed | unchanged | failed | skipped | facts loaded | checks failed | duration |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {c.seen} | {c.new} | {c.changed} | {c.unchanged} | {c.failed} | {c.skipped} | {c.facts} "
        f"| {c.failed_checks} | {seconds:.1f} s |",
    ]
    if record.skipped:
        lines += ["", f"{len(record.skipped)} input(s) skipped: {escape_markdown(skipped_summary(record.skipped))}."]
    if record.quarantined:
        lines += ["", f"{len(record.quarantined)} input(s) quarantined: see the quarantine table artifact."]
    lines += ["", f"{c.agree} figure(s) agree with an official table, {c.contradict} contradict one."]
    if record.contradictions:
        lines += ["", "| indicator | province | year | read | official | sentence |", "|---|---|---|---|---|---|"]
        lines += [f"| {escape_markdown(r['indicator'])} | {escape_markdown(r['province'])} | {r['year']} "
                  f"| {escape_markdown(r['as written'])} ({r['value']}) | {r['official']} "
                  f"| {escape_markdown(r['sentence'])} |" for r in record.contradictions]
    return "\n".join(lines)


def quarantine_rows(record: RunRecord) -> list[dict[str, str]]:
    return [{"input": escape_markdown(q.source_uri), "stage": q.stage, "reason": escape_markdown(q.error)}
            for q in record.quarantined]


def fact_rows(record: RunRecord) -> list[dict[str, str]]:
    return [{"fact": escape_markdown(f.surface), "kind": f.kind, "value": f"{f.value:g}",
             "indicator": f.indicator or "", "province": escape_markdown(f.province or ""), "status": f.status}
            for f in record.new_facts]
