namespace TenantGuard.Harness.Tests.Cli;

/// <summary>The options audit, verify and check share are one definition: same names, same checks, same errors.</summary>
public sealed class SharedOptionsTests
{
    public static TheoryData<string> Commands => new() { "audit", "verify", "check" };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_format_gives_the_same_error_in_every_command(string command)
    {
        var result = await CliRun.RunAsync(command, "--migrations", ".", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --format xml: unknown report format; use one of text, json, sarif, junit, markdown. (tenantguard --help for usage)\n",
            result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_empty_value_gives_the_same_error_in_every_command(string command)
    {
        var result = await CliRun.RunAsync(command, "--migrations", ".", "--connection", "");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --connection: the value is empty (an unset variable?)", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_takes_the_shared_options(string command)
    {
        var result = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--migrations", "--layout", "--app-role", "--tenant-column", "--tenant-setting", "--connection", "--docker",
                     "--migrations-as-superuser", "--format", "--output" })
            Assert.Contains(option, result.Stdout);
    }
}
