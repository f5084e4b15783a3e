using TenantGuard.Benchmarks.Charts;
using TenantGuard.Benchmarks.Results;

namespace TenantGuard.Benchmarks.Tests;

public sealed class OverheadChartTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tenantguard-bench-chart-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_chart_is_written_as_a_png()
    {
        var path = Path.Combine(_folder.FullName, "images", "rls-overhead.png");

        OverheadChart.Render(SampleResults.Create(), path);

        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"a 1200x600 chart should not be {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void Results_without_rls_measurements_are_refused_with_a_message()
    {
        var empty = SampleResults.Create() with { Rls = [] };

        var error = Assert.Throws<BenchmarkException>(() => OverheadChart.Render(empty, Path.Combine(_folder.FullName, "x.png")));

        Assert.Contains("no RLS measurements", error.Message);
    }

    [Fact]
    public void A_table_size_that_was_not_measured_is_refused()
    {
        var error = Assert.Throws<BenchmarkException>(() =>
            OverheadChart.Render(SampleResults.Create(), Path.Combine(_folder.FullName, "x.png"), rows: 42));

        Assert.Contains("42", error.Message);
    }
}
