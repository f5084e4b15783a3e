using System.Diagnostics;
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
        var tool = Path.Combine(AppContext.BaseDirectory, "tenantguard.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { tool, "audit", "--migrations", folder.Path, "--format", "json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The embedded server, not whatever server the environment points at.
        start.Environment.Remove("TENANTGUARD_CONNECTION");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("TG1011", finding.GetProperty("rule").GetString());
        Assert.Contains("embedded", json.RootElement.GetProperty("facts").GetProperty("server").GetString());
        Assert.Contains("tenantguard: ", await stderr);
    }
}
