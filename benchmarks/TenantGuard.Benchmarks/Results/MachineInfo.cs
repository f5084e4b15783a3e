using System.Runtime.InteropServices;

namespace TenantGuard.Benchmarks.Results;

/// <summary>The machine a run came from: numbers without it cannot be read.</summary>
public sealed record MachineInfo
{
    public string Os { get; init; } = "";
    public int ProcessorCount { get; init; }
    public string CpuModel { get; init; } = "";
    public double MemoryGiB { get; init; }
    public string Runtime { get; init; } = "";
    public string PostgresVersion { get; init; } = "";

    public static MachineInfo Describe(string postgresVersion) => new()
    {
        Os = RuntimeInformation.OSDescription,
        ProcessorCount = Environment.ProcessorCount,
        CpuModel = ReadCpuModel(),
        MemoryGiB = Math.Round(ReadMemoryBytes() / (1024.0 * 1024 * 1024), 1),
        Runtime = RuntimeInformation.FrameworkDescription,
        PostgresVersion = postgresVersion,
    };

    public override string ToString() =>
        $"{ProcessorCount} cores, {CpuModel}, {MemoryGiB} GiB, {Os}, {Runtime}, PostgreSQL {PostgresVersion}";

    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            foreach (var line in File.ReadLines(cpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':') + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static long ReadMemoryBytes()
    {
        const string memInfo = "/proc/meminfo";
        if (File.Exists(memInfo))
        {
            foreach (var line in File.ReadLines(memInfo))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    var kib = line["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
                    return long.TryParse(kib, out var value) ? value * 1024 : 0;
                }
            }
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }
}
