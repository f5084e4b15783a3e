using System.Text.Json;
using TenantGuard.Harness.Tests.Attacks;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>--rule, --skip-rule, --fail-on and --summary, which every reporting command takes.</summary>
public sealed class ReportOptionsTests
{
    private const string RlsDisabled = "ALTER TABLE projects DISABLE ROW LEVEL SECURITY;";

    /// <summary>A correct schema plus one warning: a unique key across tenants (TG1014).</summary>
    private const string UniqueAcrossTenants = "ALTER TABLE tasks ADD COLUMN external_ref text UNIQUE;";

    [Theory]
    [InlineData("--rule", "TG1O01", "error: --rule TG1O01: no such rule; did you mean TG1001?")]
    [InlineData("--skip-rule", "TG9999", "error: --skip-rule TG9999: no such rule")]
    [InlineData("--fail-on", "fatal", "error: --fail-on fatal: unknown severity; use one of error, warning, info.")]
    public async Task A_bad_value_is_one_error_line_and_exit_2(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync("audit", "--migrations", "db", option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(expected, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Rules_filter_every_format_and_the_summary_is_written_alongside()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated + RlsDisabled));
        using var output = new TemporaryDirectory();
        var summary = Path.Combine(output.Path, "summary.md");

        var result = await CliRun.RunAsync("check", "--migrations", folder.Path, "--tenants", "2", "--format", "json",
            "--rule", "TG1001", "--rule", "tg2001", "--summary", summary);

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToHashSet();
        Assert.Equal(["TG1001", "TG2001"], rules.Order());
        var markdown = await File.ReadAllTextAsync(summary);
        Assert.StartsWith("## TenantGuard: ❌ failed", markdown);
        Assert.Contains("[TG2001]", markdown);
        Assert.DoesNotContain("[TG2002]", markdown);
    }

    [Fact]
    public async Task Skipping_the_failing_rules_passes_the_run()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated + RlsDisabled));

        var result = await CliRun.RunAsync("audit", "--migrations", folder.Path, "--skip-rule", "TG1001", "--format", "markdown");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("## TenantGuard: ✅ passed", result.Stdout);
    }

    [Fact]
    public async Task A_warning_fails_by_default_and_not_with_fail_on_error()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated + UniqueAcrossTenants));

        var byDefault = await CliRun.RunAsync("audit", "--migrations", folder.Path, "--format", "json");
        var onErrors = await CliRun.RunAsync("audit", "--migrations", folder.Path, "--fail-on", "error");

        Assert.True(byDefault.ExitCode == 1, byDefault.ToString());
        using var json = JsonDocument.Parse(byDefault.Stdout);
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
        Assert.True(onErrors.ExitCode == 0, onErrors.ToString());
        Assert.Contains("TG1014", onErrors.Stdout);
    }
}
