using ScottPlot;

namespace TenantGuard.Harness.Bench.Charts;

/// <summary>One bar colour: a name for the legend and a ratio per group (null where it was not measured).</summary>
public sealed record RatioSeries(string Title, IReadOnlyList<double?> Ratios);

/// <summary>
/// Grouped bars of ratios to a baseline, as a PNG. The value axis is logarithmic: cheap policies sit near 1x while
/// non-sargable ones reach 100x and more, and both must stay readable on one chart.
/// </summary>
public static class RatioChart
{
    public static void Render(string title, string yLabel, IReadOnlyList<string> groups, IReadOnlyList<RatioSeries> series, string path,
        int width = 1200, int height = 600)
    {
        var measured = series.SelectMany(s => s.Ratios).OfType<double>().ToList();
        if (groups.Count == 0 || measured.Count == 0)
            throw new ArgumentException("nothing to chart: no ratio was measured", nameof(series));

        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        const double groupWidth = 0.8;
        var barWidth = groupWidth / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var g = 0; g < groups.Count && g < series[s].Ratios.Count; g++)
            {
                if (series[s].Ratios[g] is not { } ratio)
                    continue;
                bars.Add(new Bar
                {
                    Position = g - groupWidth / 2 + barWidth * (s + 0.5),
                    ValueBase = 0,
                    Value = Math.Log10(Math.Max(ratio, 0.5)),
                    Size = barWidth * 0.92,
                    FillColor = palette.GetColor(s % palette.Colors.Length),
                    Label = ratio >= 10 ? $"{ratio:0}x" : $"{ratio:0.00}x",
                });
            }

            var added = plot.Add.Bars(bars);
            added.LegendText = series[s].Title;
            added.ValueLabelStyle.FontSize = 9;
        }

        var reference = plot.Add.HorizontalLine(0);
        reference.LineColor = Colors.Black;
        reference.LinePattern = LinePattern.Dashed;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, groups.Count).Select(i => (double)i).ToArray(), groups.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;

        var maxRatio = measured.Max();
        var ticks = new[] { 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 }
            .Where(t => t <= Math.Max(2, maxRatio * 2)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(Math.Log10).ToArray(), ticks.Select(t => $"{t:0.#}x").ToArray());
        plot.Axes.SetLimitsY(Math.Log10(0.5), Math.Log10(Math.Max(2, maxRatio)) + 0.25);
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);

        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        plot.SavePng(path, width, height);
    }
}
