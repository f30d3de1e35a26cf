"""docs/performance.md from the benchmark's figures: every page also as a share of the ceiling."""


def row(name, figures, ceiling):
    ratio = figures["rps"] / ceiling["rps"]
    return (
        f"| {name} | {figures['rps']:.0f} | {ratio:.2f} | {figures['p50']:.1f} | "
        f"{figures['p99']:.1f} | {figures['errors']} |"
    )


def render(
    *, pages, submissions, clinic, counts, weights, sizes, cores, today, seconds, connections
):
    """The whole report as Markdown."""
    ceiling = pages["bare view (ceiling)"]
    small, large = sizes
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` on {today.isoformat()}, on a machine with {cores} cores: "
        f"gunicorn with 2 workers in production mode, PostgreSQL, Redis cache, "
        f"wrk with {connections} connections for {seconds} s per page, loopback only.",
        "",
        "## Pages",
        "",
        "| page | requests/s | share of ceiling | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
        *[row(name, figures, ceiling) for name, figures in pages.items()],
    ]
    for size in sizes:
        lines += [
            row(f"{name}, {size:,} rows", figures, ceiling)
            for name, figures in clinic[size].items()
        ]
    lines += [
        "",
        "## Complete submissions",
        "",
        f"{submissions['clients']} scripted patients, each answering every step, for {seconds} s: "
        f"{submissions['per_second']:.1f} submissions/s, final step p50 "
        f"{submissions['p50']:.0f} ms and p99 {submissions['p99']:.0f} ms, "
        f"{submissions['errors']} errors; the table grew by {submissions['rows_added']} rows "
        f"for {submissions['ok']} successful submissions.",
        "",
        "## Clinician pages: 1,000 against 100,000 rows",
        "",
        "| page | time ratio (p50) | throughput ratio | queries at 1,000 | queries at 100,000 |",
        "|---|---|---|---|---|",
    ]
    for name in clinic[small]:
        a, b = clinic[small][name], clinic[large][name]
        lines.append(
            f"| {name} | {b['p50'] / a['p50']:.2f} | {a['rps'] / b['rps']:.2f} | "
            f"{counts[small][name]} | {counts[large][name]} |"
        )
    lines += [
        "",
        "## Page weight",
        "",
        "| page | bytes transferred | requests | render-blocking requests |",
        "|---|---|---|---|",
        *[
            f"| {name} | {w['bytes'] / 1024:.1f} KB | {w['requests']} | {w['blocking']} |"
            for name, w in weights.items()
        ],
        "",
    ]
    return "\n".join(lines)
