using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>TENANTGUARD_PG_BIN pointing at the wrong place is an error, never a silent switch to other binaries.</summary>
public sealed class MissingBinariesTests
{
    [Fact]
    public async Task A_pg_bin_directory_without_the_binaries_exits_2_with_the_three_ways_forward()
    {
        using var migrations = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));
        using var empty = new TemporaryDirectory();
        var nowhere = Path.Combine(empty.Path, "no-such-dir");

        foreach (var directory in new[] { nowhere, empty.Path })
        {
            var result = await ToolProcess.RunAsync(new Dictionary<string, string> { ["TENANTGUARD_PG_BIN"] = directory },
                "audit", "--migrations", migrations.Path);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.StartsWith($"error: TENANTGUARD_PG_BIN is set to {directory}, which does not hold initdb, pg_ctl and postgres.", result.Stderr);
            Assert.Contains("apt-get install postgresql-15", result.Stderr);
            Assert.Contains("--connection", result.Stderr);
            Assert.Contains("--docker", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
            Assert.Equal("", result.Stdout);
        }
    }
}
