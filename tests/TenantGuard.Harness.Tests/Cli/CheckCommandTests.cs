using System.Text.Json;
using System.Text.RegularExpressions;
using TenantGuard.Harness.Tests.Attacks;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>`tenantguard check` end to end, in-process: each run starts its own embedded server, as in CI.</summary>
public sealed class CheckCommandTests
{
    private const string RlsDisabled = "ALTER TABLE projects DISABLE ROW LEVEL SECURITY;";

    [Fact]
    public async Task The_sample_app_is_clean_with_its_two_waived_findings_on_one_server()
    {
        var migrations = RepositoryFolder.Find("sample-app/TenantGuard.SampleApp/migrations");

        var result = await CliRun.RunAsync("check", "--migrations", migrations, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("unmatchedWaivers").EnumerateArray());
        var waived = json.RootElement.GetProperty("waived").EnumerateArray().ToList();
        Assert.Equal(2, waived.Count);
        Assert.Single(Regex.Matches(result.Stderr, "server ready"));
        Assert.Contains("Reading the catalog", result.Stderr);
        Assert.Contains("attacking 12 tenant tables", result.Stderr);
    }

    [Fact]
    public async Task A_broken_schema_has_audit_and_attack_findings_in_one_json_document()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated + RlsDisabled));

        var result = await CliRun.RunAsync("check", "--migrations", folder.Path, "--format", "json", "--tenants", "2");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToHashSet();
        Assert.Contains("TG1001", rules);
        Assert.Contains("TG2001", rules);
        var facts = json.RootElement.GetProperty("facts");
        Assert.True(facts.TryGetProperty("auditMs", out _), facts.ToString());
        Assert.True(facts.TryGetProperty("attackMs", out _), facts.ToString());
    }

    [Fact]
    public async Task The_text_report_shows_both_kinds_of_finding()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", AttackSchemas.Isolated + RlsDisabled));

        var result = await CliRun.RunAsync("check", "--migrations", folder.Path, "--tenants", "2");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("TG1001 public.projects", result.Stdout);
        Assert.Contains("TG2001 public.projects", result.Stdout);
        Assert.DoesNotContain("tenantguard: ", result.Stdout);
    }

    [Fact]
    public async Task A_waiver_is_stale_only_if_neither_the_audit_nor_the_attacks_used_it()
    {
        using var folder = MigrationsFolder.Create(
            ("001_schema.sql", AttackSchemas.Isolated + RlsDisabled),
            ("tenantguard.json", """
                {"waivers":[
                  {"rule":"TG1001","object":"public.projects","reason":"Projects are public by design."},
                  {"rule":"TG2001","object":"public.projects","reason":"Projects are public by design."},
                  {"rule":"TG2006","object":"public.projects","reason":"Projects are public by design."},
                  {"rule":"TG2003","object":"public.gone","reason":"Dropped last year."},
                  {"rule":"TG1011","object":"public.gone","reason":"Dropped last year."}
                ]}
                """));

        var result = await CliRun.RunAsync("check", "--migrations", folder.Path, "--format", "json", "--tenants", "2");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var waivedRules = json.RootElement.GetProperty("waived").EnumerateArray().Select(w => w.GetProperty("rule").GetString()).ToHashSet();
        Assert.Contains("TG1001", waivedRules);
        Assert.Contains("TG2001", waivedRules);
        var unmatched = json.RootElement.GetProperty("unmatchedWaivers").EnumerateArray()
            .Select(w => $"{w.GetProperty("rule").GetString()} {w.GetProperty("object").GetString()}").Order().ToList();
        Assert.Equal(["TG1011 public.gone", "TG2003 public.gone"], unmatched);
    }

    [Theory]
    [InlineData(new[] { "check" }, "--migrations")]
    [InlineData(new[] { "check", "--migrations", "/no/such/folder" }, "/no/such/folder does not exist")]
    [InlineData(new[] { "check", "--migrations", ".", "--tenants", "1" }, "--tenants must be at least 2")]
    [InlineData(new[] { "check", "--migrations", ".", "--format", "yaml" }, "--format yaml: unknown report format")]
    [InlineData(new[] { "check", "--migrations", ".", "--app-role", "" }, "--app-role: the value is empty")]
    [InlineData(new[] { "check", "--migrations", ".", "--seed-sql", "/no/such/seed.sql" }, "/no/such/seed.sql: seed SQL file not found")]
    [InlineData(new[] { "check", "--migrations", ".", "--output", "/no/such/folder/report.json" }, "--output /no/such/folder/report.json: the folder")]
    public async Task Bad_input_exits_2_before_a_server_starts(string[] args, string expected)
    {
        var result = await CliRun.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("server ready", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Help_lists_the_shared_and_the_attack_options()
    {
        var result = await CliRun.RunAsync("check", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--migrations", "--app-role", "--tenant-table", "--connection", "--seed-sql", "--tenants", "--format", "--output" })
            Assert.Contains(option, result.Stdout);
    }
}
