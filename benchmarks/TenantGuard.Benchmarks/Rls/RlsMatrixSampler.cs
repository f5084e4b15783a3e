using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness.Bench.Sampling;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// The shape × mode matrix through the harness's <see cref="PairedSampler"/> (the engine tenantguard bench uses): per
/// shape, every mode is an arm and the explicit filter without RLS is the baseline arm.
/// </summary>
public static class RlsMatrixSampler
{
    public static async Task<IReadOnlyList<RlsMeasurement>> MeasureAsync(
        RlsDataSet data, SamplerSettings settings, IProgress<string> progress, CancellationToken ct)
    {
        var measurements = new List<RlsMeasurement>();
        foreach (var shape in QueryShapes.All)
        {
            var arms = RlsModes.All.Select(mode =>
            {
                var statement = RlsStatements.For(shape, mode);
                var requests = new RequestSequence(data.Tenants);
                return new PairedArm(mode.Key(), token => RlsRequest.ExecuteAsync(data.App, requests.Next(), statement, token));
            }).ToList();

            var samples = await PairedSampler.MeasureAsync(arms, settings, ct);
            foreach (var arm in samples)
            {
                var time = arm.Time;
                measurements.Add(new RlsMeasurement(
                    data.Rows, shape.Key(), arm.Key, Math.Round(time.Median, 1), Math.Round(time.Mean, 1),
                    Math.Round(time.StdDev, 1), Math.Round(arm.Ratio.Median, 4)));
            }

            var shown = string.Join(", ", samples.Skip(1).Select(a => $"{a.Key} x{a.Ratio.Median:0.00}"));
            progress.Report($"{data.Rows:N0} rows, {shape.Key()}: {samples[0].Time.Median:0} us baseline; {shown}");
        }

        return measurements;
    }
}
