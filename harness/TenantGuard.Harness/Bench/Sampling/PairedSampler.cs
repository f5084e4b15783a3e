using System.Diagnostics;

namespace TenantGuard.Harness.Bench.Sampling;

/// <summary>
/// Measures arms interleaved: in each round every arm runs a short batch of requests, in a rotated order, and each
/// arm's ratio is taken against the baseline arm's batch of the same round. On a shared 2-core machine load comes in
/// bursts that last seconds; measuring the cases one after the other lets a burst land on one arm only, pairing
/// within a round does not. The first arm is the baseline.
/// </summary>
public static class PairedSampler
{
    public static async Task<IReadOnlyList<ArmSamples>> MeasureAsync(
        IReadOnlyList<PairedArm> arms, SamplerSettings settings, CancellationToken ct)
    {
        if (arms.Count == 0)
            throw new ArgumentException("nothing to measure: no arms", nameof(arms));

        var batch = new int[arms.Count];
        for (var a = 0; a < arms.Count; a++)
        {
            var warmup = Stopwatch.StartNew();
            for (var i = 0; i < settings.WarmupRequests; i++)
                await arms[a].RunOnce(ct).ConfigureAwait(false);
            var perRequest = warmup.Elapsed / Math.Max(settings.WarmupRequests, 1);
            batch[a] = perRequest <= TimeSpan.Zero ? 1 : Math.Clamp((int)(settings.BatchTime / perRequest), 1, 1000);
        }

        var times = arms.Select(_ => new List<double>()).ToArray();
        var ratios = arms.Select(_ => new List<double>()).ToArray();
        var round = new double[arms.Count];
        for (var r = 0; r < settings.Rounds; r++)
        {
            for (var k = 0; k < arms.Count; k++)
            {
                var a = (k + r) % arms.Count;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < batch[a]; i++)
                    await arms[a].RunOnce(ct).ConfigureAwait(false);
                round[a] = watch.Elapsed.TotalMicroseconds / batch[a];
            }

            for (var a = 0; a < arms.Count; a++)
            {
                times[a].Add(round[a]);
                ratios[a].Add(round[a] / round[0]);
            }
        }

        return arms.Select((arm, a) => new ArmSamples(arm.Key, times[a], ratios[a])).ToList();
    }
}
