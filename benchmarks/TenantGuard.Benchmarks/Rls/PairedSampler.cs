using System.Diagnostics;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// Measures the modes of a shape interleaved: in each round every mode runs a short batch of requests, in a rotated
/// order, and each mode's ratio is taken against the baseline batch of the same round. The reported ratio is the
/// median of those paired ratios. On a shared 2-core machine load comes in bursts that last seconds; measuring the
/// cases one after the other (as BenchmarkDotNet does) lets a burst land on one mode only, pairing within a round
/// does not.
/// </summary>
public static class PairedSampler
{
    public sealed record Settings(int Rounds, TimeSpan BatchTime, int WarmupRequests)
    {
        public static Settings Quick { get; } = new(15, TimeSpan.FromMilliseconds(20), 5);

        public static Settings Full { get; } = new(31, TimeSpan.FromMilliseconds(50), 20);
    }

    public static async Task<IReadOnlyList<RlsMeasurement>> MeasureAsync(
        RlsDataSet data, Settings settings, IProgress<string> progress, CancellationToken ct)
    {
        var measurements = new List<RlsMeasurement>();
        foreach (var shape in QueryShapes.All)
        {
            var modes = RlsModes.All;
            var statements = modes.ToDictionary(m => m, m => RlsStatements.For(shape, m));
            var sequences = modes.ToDictionary(m => m, _ => new RequestSequence(data.Tenants));
            var batch = new Dictionary<RlsMode, int>();
            foreach (var mode in modes)
            {
                var warmup = Stopwatch.StartNew();
                for (var i = 0; i < settings.WarmupRequests; i++)
                {
                    await TenantRequest.ExecuteAsync(data.App, sequences[mode].Next(), statements[mode], ct);
                }

                var perRequest = warmup.Elapsed / settings.WarmupRequests;
                batch[mode] = Math.Clamp((int)(settings.BatchTime / perRequest), 1, 1000);
            }

            var times = modes.ToDictionary(m => m, _ => new List<double>());
            var ratios = modes.ToDictionary(m => m, _ => new List<double>());
            for (var round = 0; round < settings.Rounds; round++)
            {
                var roundTimes = new Dictionary<RlsMode, double>();
                for (var k = 0; k < modes.Count; k++)
                {
                    var mode = modes[(k + round) % modes.Count];
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < batch[mode]; i++)
                    {
                        await TenantRequest.ExecuteAsync(data.App, sequences[mode].Next(), statements[mode], ct);
                    }

                    roundTimes[mode] = watch.Elapsed.TotalMicroseconds / batch[mode];
                }

                foreach (var mode in modes)
                {
                    times[mode].Add(roundTimes[mode]);
                    ratios[mode].Add(roundTimes[mode] / roundTimes[RlsMode.ExplicitFilter]);
                }
            }

            foreach (var mode in modes)
            {
                measurements.Add(new RlsMeasurement(
                    data.Rows, shape.Key(), mode.Key(),
                    Math.Round(Median(times[mode]), 1), Math.Round(times[mode].Average(), 1),
                    Math.Round(StdDev(times[mode]), 1), Math.Round(Median(ratios[mode]), 4)));
            }

            var shown = string.Join(", ", modes.Skip(1).Select(m => $"{m.Key()} x{Median(ratios[m]):0.00}"));
            progress.Report($"{data.Rows:N0} rows, {shape.Key()}: {Median(times[RlsMode.ExplicitFilter]):0} us baseline; {shown}");
        }

        return measurements;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double StdDev(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(values.Count - 1, 1));
    }
}
