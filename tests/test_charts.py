"""The page's Altair charts: the shares and the cohort histogram carry the profile's limit line."""

from checker.render.charts import share_histogram, shares_chart


def _layers(chart) -> list[dict]:
    """Every leaf layer of the spec with the rows of the data it draws (a layer may inherit its parent's)."""
    spec = chart.to_dict()
    return [layer | {"values": spec["datasets"][data["name"]]} for layer, data in _flatten(spec, None)]


def _flatten(spec: dict, data) -> list[tuple[dict, dict]]:
    data = spec.get("data", data)
    if "layer" in spec:
        return [leaf for layer in spec["layer"] for leaf in _flatten(layer, data)]
    return [(spec, data)]


def _mark(layer: dict) -> str:
    return layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]


def test_shares_chart_has_bars_and_the_limit_rule():
    shares = {"achievement": 0.5, "problem": 0.3, "plan": 0.2}
    layers = _layers(shares_chart(shares, 0.3334, "1/3"))
    [rule] = [layer for layer in layers if _mark(layer) == "rule"]
    assert rule["values"] == [{"limit": 0.3334}] and rule["encoding"]["y"]["field"] == "limit"
    bars = next(layer for layer in layers if _mark(layer) == "bar")
    assert [(v["部分"], v["占比"]) for v in bars["values"]] == [("成绩", 0.5), ("问题", 0.3), ("打算", 0.2)]
    assert "1/3" in shares_chart(shares, 0.3334, "1/3").to_dict()["title"]["text"]


def test_histogram_counts_reports_with_a_vertical_limit():
    layers = _layers(share_histogram([0.1, 0.4, 0.45], 0.25, "1/4"))
    [rule] = [layer for layer in layers if _mark(layer) == "rule"]
    assert rule["values"] == [{"limit": 0.25}] and rule["encoding"]["x"]["field"] == "limit"
    bars = next(layer for layer in layers if _mark(layer) == "bar")
    assert [v["成绩占比"] for v in bars["values"]] == [0.1, 0.4, 0.45]
