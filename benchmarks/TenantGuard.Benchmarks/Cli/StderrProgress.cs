namespace TenantGuard.Benchmarks.Cli;

/// <summary>Progress lines go to stderr, timestamped, so stdout stays for BenchmarkDotNet's tables and the gate.</summary>
internal sealed class StderrProgress : IProgress<string>
{
    public static StderrProgress Instance { get; } = new();

    public void Report(string value) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {value}");
}
