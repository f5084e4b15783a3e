using System.Text.Json;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>The built tool, run as its own process the way CI runs it: embedded server, JSON on stdout only.</summary>
public sealed class ToolProcessTests
{
    [Fact]
    public async Task The_tool_audits_with_an_embedded_server_and_prints_one_json_document()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders + "GRANT ALL ON orders TO app_user;"));

        var result = await ToolProcess.RunAsync(null, "audit", "--migrations", folder.Path, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("TG1011", finding.GetProperty("rule").GetString());
        Assert.Contains("embedded", json.RootElement.GetProperty("facts").GetProperty("server").GetString());
        Assert.Contains("tenantguard: ", result.Stderr);
    }

    [Fact]
    public async Task The_tool_checks_the_sample_app_clean_with_its_waivers()
    {
        var migrations = RepositoryFolder.Find("sample-app/TenantGuard.SampleApp/migrations");

        var result = await ToolProcess.RunAsync(null, "check", "--migrations", migrations);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No findings (2 waived).", result.Stdout);
        Assert.DoesNotContain("tenantguard: ", result.Stdout);
    }
}
