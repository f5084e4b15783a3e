using System.Text.Json;
using TenantGuard.Harness.Tests.Cli;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Attacks;

/// <summary>`tenantguard verify` end to end, in-process: each test starts its own embedded server.</summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Clean_schema_exits_0()
    {
        using var migrations = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated));

        var result = await CliRun.RunAsync("verify", "--migrations", migrations.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No findings", result.Stdout);
    }

    [Fact]
    public async Task Findings_exit_1_with_one_json_document_on_stdout()
    {
        using var migrations = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated + "ALTER TABLE projects DISABLE ROW LEVEL SECURITY;"));

        var result = await CliRun.RunAsync("verify", "--migrations", migrations.Path, "--format", "json", "--tenants", "2");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToHashSet();
        Assert.Contains("TG2001", rules);
        Assert.Contains("TG2006", rules);
    }

    [Fact]
    public async Task An_output_file_in_a_missing_folder_exits_2_before_a_server_starts()
    {
        using var migrations = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated));
        var output = Path.Combine(migrations.Path, "no-such-folder", "report.json");

        var result = await CliRun.RunAsync("verify", "--migrations", migrations.Path, "--format", "json", "--output", output);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: --output {output}: the folder {Path.GetDirectoryName(output)} does not exist. Create it first or write the report elsewhere.\n",
            result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Audit_waivers_are_not_stale_in_a_verify_run_and_the_report_goes_to_the_output_file()
    {
        using var migrations = MigrationsFolder.Create(
            ("001_schema.sql", AttackSchemas.Isolated),
            ("tenantguard.json", """{"waivers":[{"rule":"TG1007","object":"public.projects","reason":"Small table."}]}"""));
        var output = Path.Combine(migrations.Path, "report.json");

        var result = await CliRun.RunAsync("verify", "--migrations", migrations.Path, "--tenants", "2", "--format", "json", "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains($"wrote json report to {output} (0 finding(s), 0 waived, 0 unmatched waiver(s))", result.Stderr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Empty(json.RootElement.GetProperty("unmatchedWaivers").EnumerateArray());
    }

    [Theory]
    [InlineData(new[] { "verify" }, "needs --migrations DIR")]
    [InlineData(new[] { "verify", "--migrations", "/no/such/folder" }, "/no/such/folder: no migrations folder")]
    [InlineData(new[] { "verify", "--http-config", "/no/such/http.json" }, "/no/such/http.json: cannot read")]
    [InlineData(new[] { "verify", "--migrations", ".", "--tenants", "1" }, "--tenants must be at least 2")]
    [InlineData(new[] { "verify", "--format", "yaml" }, "yaml")]
    [InlineData(new[] { "verify", "--migrations", ".", "--tenant-column", "" }, "--tenant-column: the value is empty")]
    [InlineData(new[] { "verify", "--migrations", ".", "--seed-sql", "/no/such/seed.sql" }, "/no/such/seed.sql: seed SQL file not found")]
    public async Task Bad_input_exits_2_with_a_clear_message(string[] args, string expected)
    {
        var result = await CliRun.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
