using ScottPlot;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Benchmarks.Rls;

namespace TenantGuard.Benchmarks.Charts;

/// <summary>
/// Renders the RLS overhead matrix (ratio to the explicit-filter baseline, per query shape and policy mode) as a PNG.
/// The value axis is logarithmic: the cheap policies sit near 1x while the non-sargable ones reach 100x and more.
/// </summary>
public static class OverheadChart
{
    public const string DefaultPath = "docs/images/rls-overhead.png";

    public static void Render(BenchmarkResults results, string path, long? rows = null)
    {
        var measured = results.Rls.Where(m => m.Mode != RlsMode.ExplicitFilter.Key()).ToList();
        if (measured.Count == 0)
        {
            throw new BenchmarkException("the results hold no RLS measurements to chart; run the benchmarks first.");
        }

        var size = rows ?? measured.Max(m => m.Rows);
        measured = measured.Where(m => m.Rows == size).ToList();
        if (measured.Count == 0)
        {
            throw new BenchmarkException($"the results hold no RLS measurements at {size:N0} rows.");
        }

        var shapes = QueryShapes.All.Select(s => s.Key()).Where(k => measured.Any(m => m.Shape == k)).ToList();
        var modes = RlsModes.All.Where(m => m != RlsMode.ExplicitFilter).ToList();
        var palette = new ScottPlot.Palettes.Category10();

        var plot = new Plot();
        const double groupWidth = 0.8;
        var barWidth = groupWidth / modes.Count;
        for (var modeIndex = 0; modeIndex < modes.Count; modeIndex++)
        {
            var color = palette.GetColor(modeIndex);
            var bars = new List<Bar>();
            for (var shapeIndex = 0; shapeIndex < shapes.Count; shapeIndex++)
            {
                var point = measured.FirstOrDefault(m => m.Shape == shapes[shapeIndex] && m.Mode == modes[modeIndex].Key());
                if (point is null)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = shapeIndex - groupWidth / 2 + barWidth * (modeIndex + 0.5),
                    ValueBase = 0,
                    Value = Math.Log10(Math.Max(point.RatioToBaseline, 0.5)),
                    Size = barWidth * 0.92,
                    FillColor = color,
                    Label = point.RatioToBaseline >= 10 ? $"{point.RatioToBaseline:0}x" : $"{point.RatioToBaseline:0.00}x",
                });
            }

            var series = plot.Add.Bars(bars);
            series.LegendText = modes[modeIndex].Title();
            series.ValueLabelStyle.FontSize = 9;
        }

        var reference = plot.Add.HorizontalLine(0);
        reference.LineColor = Colors.Black;
        reference.LinePattern = LinePattern.Dashed;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, shapes.Count).Select(i => (double)i).ToArray(),
            shapes.Select(k => QueryShapes.FromKey(k).Title()).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;

        var maxRatio = measured.Max(m => m.RatioToBaseline);
        var ticks = new[] { 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 }
            .Where(t => t <= Math.Max(2, maxRatio * 2)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(Math.Log10).ToArray(), ticks.Select(t => $"{t:0.#}x").ToArray());
        plot.Axes.SetLimitsY(Math.Log10(0.5), Math.Log10(Math.Max(2, maxRatio)) + 0.25);
        plot.Axes.SetLimitsX(-0.6, shapes.Count - 0.4);

        plot.Title($"RLS cost per request, ratio to the explicit WHERE tenant_id filter ({size:N0} rows)");
        plot.YLabel("ratio to explicit filter (log scale)");
        plot.ShowLegend(Alignment.UpperLeft);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        plot.SavePng(path, 1200, 600);
    }
}
