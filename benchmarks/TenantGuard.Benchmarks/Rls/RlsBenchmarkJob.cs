using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// BenchmarkDotNet configuration. In-process, because every case shares one loaded database held by this process.
/// Many short iterations and the median of them (rather than a few long ones) so that a burst of load from a
/// neighbour spoils a few iterations, not the result. The quick job (what CI runs) shortens the iterations; neither
/// evaluates BenchmarkDotNet's own overhead (a request costs hundreds of microseconds, the overhead nanoseconds).
/// </summary>
internal static class RlsBenchmarkJob
{
    public static IConfig Create(bool quick, string artifactsPath)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 2 : 3)
            .WithIterationCount(quick ? 21 : 31)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 25 : 100))
            .WithEvaluateOverhead(false)
            .WithId(quick ? "quick" : "full");

        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(artifactsPath)
            // Requests are database round trips; a Debug build of this process does not change them measurably.
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
    }
}
