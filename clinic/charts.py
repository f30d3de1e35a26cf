"""Bar charts as geometry for server-rendered SVG: no script, no third-party request.

The functions return numbers only; the template draws them with SVG attributes (never
style attributes, which a strict Content-Security-Policy would block). Every chart is
also a table on the page, so a screen reader gets the numbers without the picture.
"""

LABEL_WIDTH = 170
ROW_HEIGHT = 36
BAR_GAP = 8
CHART_WIDTH = 640
PLOT_HEIGHT = 200
AXIS_SPACE = 48


def horizontal_bars(items):
    """[(label, value)] as horizontal bars, longest = full width; returns a chart dict."""
    top = max([value for _label, value in items] + [1])
    room = CHART_WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * ROW_HEIGHT
        bars.append(
            {
                "label": label,
                "value": value,
                "x": LABEL_WIDTH,
                "y": y + BAR_GAP / 2,
                "width": round(room * value / top, 1),
                "height": ROW_HEIGHT - BAR_GAP,
                "text_y": y + ROW_HEIGHT / 2 + 6,
                "value_x": LABEL_WIDTH + round(room * value / top, 1) + 8,
            }
        )
    height = len(items) * ROW_HEIGHT
    return {"width": CHART_WIDTH, "height": height, "bars": bars, "label_x": LABEL_WIDTH - 10}


def columns(items):
    """[(label, value)] as vertical columns, tallest = full height; returns a chart dict."""
    top = max([value for _label, value in items] + [1])
    slot = CHART_WIDTH / max(len(items), 1)
    bars = []
    for index, (label, value) in enumerate(items):
        height = round(PLOT_HEIGHT * value / top, 1)
        x = index * slot
        bars.append(
            {
                "label": label,
                "value": value,
                "x": round(x + BAR_GAP / 2, 1),
                "y": round(PLOT_HEIGHT - height + 20, 1),
                "width": round(slot - BAR_GAP, 1),
                "height": height,
                "center": round(x + slot / 2, 1),
                "value_y": round(PLOT_HEIGHT - height + 14, 1),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": PLOT_HEIGHT + 20 + AXIS_SPACE,
        "bars": bars,
        "axis_y": PLOT_HEIGHT + 20,
        "label_y": PLOT_HEIGHT + 44,
    }
