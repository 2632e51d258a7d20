"""Altair charts for the review page (rendered offline by Streamlit): shares with the 1/3 line, each bar named."""

from __future__ import annotations

import altair as alt
import pandas as pd

from checker.doc import LABEL_NAMES
from checker.render.html_out import LABEL_COLOURS as BAR_COLOURS  # one palette (Okabe–Ito) for text and charts

LIMIT_COLOUR = "#000000"  # dashed: told apart from the bars by its shape, not its colour


def _with_limit(chart: alt.Chart, limit: float, axis: str, caption: str) -> alt.LayerChart:
    """The chart with a dashed line at the limit, explained in the title (no label to collide with bars)."""
    frame = pd.DataFrame({"limit": [limit]})
    rule = alt.Chart(frame).mark_rule(color=LIMIT_COLOUR, strokeDash=[6, 3], size=2).encode(**{axis: "limit:Q"})
    title = alt.TitleParams(caption, anchor="start", fontSize=12, color=LIMIT_COLOUR)
    return (chart + rule).properties(height=260, title=title)


def shares_chart(body_shares: dict[str, float], limit: float, limit_text: str = "1/3") -> alt.LayerChart:
    """Bars of the body shares (成绩/问题/打算) with the allowed achievement share as a dashed line."""
    labels = list(body_shares)
    frame = pd.DataFrame({
        "部分": [LABEL_NAMES[k] for k in labels],
        "占比": [body_shares[k] for k in labels],
    })
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("部分:N", sort=None, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("占比:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]), title="占正文篇幅"),
        color=alt.Color("部分:N", legend=None, scale=alt.Scale(
            domain=[LABEL_NAMES[k] for k in labels], range=[BAR_COLOURS[k] for k in labels])),
        tooltip=["部分", alt.Tooltip("占比:Q", format=".0%")],
    )
    text = bars.mark_text(dy=-8).encode(text=alt.Text("占比:Q", format=".0%"), color=alt.value("#333"))
    return _with_limit(bars + text, limit, "y", f"虚线：成绩部分上限 {limit_text}")


def share_histogram(shares: list[float], limit: float, limit_text: str = "1/3") -> alt.LayerChart:
    """How many reports of a cohort have which achievement share, with the limit line."""
    frame = pd.DataFrame({"成绩占比": shares})
    bars = alt.Chart(frame).mark_bar(color=BAR_COLOURS["achievement"]).encode(
        x=alt.X("成绩占比:Q", bin=alt.Bin(extent=[0, 1], step=0.05), axis=alt.Axis(format="%"), title="成绩占比"),
        y=alt.Y("count():Q", title="报告数", axis=alt.Axis(format="d", tickMinStep=1)),
    )
    return _with_limit(bars, limit, "x", f"虚线：成绩部分上限 {limit_text}")
