"""The painted charts: what they show, an empty state, and drawing without errors at any size."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from dushu.gui.charts import ChartPoint, ChartWidget


def test_a_chart_shows_its_points_and_reads_them_out(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_data(
        "Scores", [ChartPoint("1 Dec", 40), ChartPoint("2 Dec", 85)], kind="line", maximum=100,
        guide=60, guide_label="pass 60%", unit="%",
    )
    chart.resize(400, 220)
    image = chart.grab().toImage()
    assert not image.isNull()
    assert [p.value for p in chart.points()] == [40, 85]
    assert "2 Dec: 85%" in chart.accessibleDescription()


def test_an_empty_chart_says_why(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_data("Reviews per day", [], empty="No reviews yet.")
    chart.resize(300, 200)
    chart.grab()
    assert chart.accessibleDescription() == "No reviews yet."


def test_many_bars_in_a_small_chart_still_draw(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_data("Per day", [ChartPoint(f"{i}/12", i % 7) for i in range(90)], kind="bar")
    for width, height in ((120, 60), (800, 300)):
        chart.resize(width, height)
        assert not chart.grab().toImage().isNull()


def test_a_chart_of_counts_marks_whole_numbers_only(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    for values, expected in (
        ([1, 3, 8], [0, 2, 4, 6, 8]),
        ([2, 3], [0, 1, 2, 3]),
        ([0], [0, 1]),
        ([61, 1, 36, 2], [0, 25, 50, 75]),
        ([340], [0, 100, 200, 300, 400]),
    ):
        chart.set_data("Reviews per day", [ChartPoint(str(i), v) for i, v in enumerate(values)], whole=True)
        ticks = chart.ticks()
        assert ticks == expected
        assert all(t == int(t) for t in ticks) and ticks[-1] >= max(values)
        chart.resize(400, 220)
        assert not chart.grab().toImage().isNull()


def test_a_percentage_chart_keeps_its_quarters(qtbot: QtBot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_data("Retention", [ChartPoint("1/12", 88), ChartPoint("1/13", 75)], kind="line",
                   maximum=100, unit="%")  # fmt: skip
    assert chart.ticks() == [0, 25, 50, 75, 100]
    chart.set_data("Scores", [ChartPoint("a", 4.2)])
    assert chart.ticks() == [0, 1.25, 2.5, 3.75, 5]
