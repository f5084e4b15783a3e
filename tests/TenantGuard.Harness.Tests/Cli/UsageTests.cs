namespace TenantGuard.Harness.Tests.Cli;

/// <summary>What a new user meets first: a bare command, a typo, a rule ID from a report.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task A_bare_tenantguard_prints_usage()
    {
        var result = await CliRun.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("check", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "audti", "--migrations", "db" }, "error: unknown command 'audti'; did you mean 'audit'? (tenantguard --help for usage)")]
    [InlineData(new[] { "check", "--migratons", "db" }, "error: unknown option '--migratons' for check; did you mean '--migrations'? (tenantguard --help for usage)")]
    [InlineData(new[] { "frobnicate" }, "error: unknown command 'frobnicate' (tenantguard --help for usage)")]
    public async Task A_typo_is_one_error_line_naming_what_was_meant(string[] args, string expected)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("TG1001", "# TG1001: Tenant table without row-level security")]
    [InlineData("tg1011", "# TG1011:")]
    [InlineData("TG0005", "# TG0005 — Tenant query filter switched off")]
    public async Task Explain_prints_the_rule_page_offline(string rule, string heading)
    {
        var result = await CliRun.RunAsync("explain", rule);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(heading, result.Stdout, StringComparison.Ordinal);
        Assert.True(result.Stdout.Contains("## Fix", StringComparison.Ordinal) || result.Stdout.Contains("## How to fix", StringComparison.Ordinal),
            result.Stdout);
    }

    [Fact]
    public async Task Explain_of_an_unknown_rule_says_so()
    {
        var result = await CliRun.RunAsync("explain", "TG9999");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: no rule TG9999", result.Stderr, StringComparison.Ordinal);
    }
}
