using System.Globalization;
using System.Text;

namespace TenantGuard.Benchmarks.Results;

/// <summary>The human summary printed after a run: the overhead matrix as ratios, the round trips, the analyzer cost.</summary>
public static class ResultsSummary
{
    public static string Format(BenchmarkResults results)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Machine: {results.Machine}");
        foreach (var size in results.Rls.GroupBy(m => m.Rows).OrderBy(g => g.Key))
        {
            var modes = size.Select(m => m.Mode).Distinct().ToList();
            text.AppendLine(c, $"RLS overhead at {size.Key:N0} rows (median us per request, ratio to explicit-filter):");
            text.Append(c, $"  {"shape",-18}").AppendLine(string.Concat(modes.Select(m => $" {m,26}")));
            foreach (var shape in size.GroupBy(m => m.Shape))
            {
                text.Append(c, $"  {shape.Key,-18}");
                foreach (var mode in modes)
                {
                    var m = shape.FirstOrDefault(x => x.Mode == mode);
                    text.Append(m is null ? $" {"-",26}" : string.Create(c, $" {m.MedianMicroseconds,14:0.0} (x{m.RatioToBaseline,8:0.00})"));
                }

                text.AppendLine();
            }
        }

        foreach (var trip in results.RoundTrips)
        {
            text.AppendLine(c, $"Round trip at {trip.Rows:N0} rows: {trip.Name} ({trip.Description}): {trip.MedianMicroseconds:0.0} us");
        }

        if (results.Analyzer is { } a)
        {
            text.AppendLine(c, $"Analyzer cost: {a.Files} files, {a.BaselineMedianMilliseconds:0} ms -> {a.WithRulesMedianMilliseconds:0} ms (x{a.Ratio:0.000}); diagnostics {string.Join(", ", a.ActualDiagnostics.Select(p => $"{p.Key}={p.Value}"))}");
            foreach (var rule in a.PerAnalyzer)
            {
                text.AppendLine(c, $"  {rule.Analyzer} ({rule.Rules}): {rule.Milliseconds:0.0} ms");
            }
        }

        if (results.Harness.Count > 0)
        {
            text.AppendLine("Harness against the physical limit (start, psql -1 -f, one catalog read, stop), medians:");
            text.AppendLine(c, $"  {"tables",6} {"limit ms",9} {"audit ms",9} {"x",6} {"check ms",9} {"x",6}  check phases (ms)");
            foreach (var h in results.Harness)
            {
                var phases = string.Join(", ", h.CheckPhasesMilliseconds.Select(p => string.Create(c, $"{p.Key} {p.Value:0}")));
                text.AppendLine(c, $"  {h.Tables,6} {h.LimitMilliseconds,9:0} {h.AuditMilliseconds,9:0} {h.AuditRatio,6:0.00} {h.CheckMilliseconds,9:0} {h.CheckRatio,6:0.00}  {phases}");
            }

            if (results.Ratios.TryGetValue(RatioKeys.HarnessLinearity, out var linearity))
            {
                text.AppendLine(c, $"  cost per table, last step over first (1 = linear): check x{linearity:0.00}, " +
                                   $"physical limit x{results.Ratios.GetValueOrDefault(RatioKeys.LimitLinearity):0.00}, " +
                                   $"check above the limit x{results.Ratios.GetValueOrDefault(RatioKeys.OverheadLinearity):0.00}");
            }
        }

        return text.ToString();
    }
}
