using System.Text;
using TenantGuard.Harness.Setup;

namespace TenantGuard.Cli;

/// <summary>The GitHub Actions workflow <c>init</c> writes: the steps of docs/ci-isolation-suite.md, with the detected
/// options. A value it could not choose goes in an env variable left empty under a TODO comment, so the job fails
/// ("the value is empty") until someone chooses, rather than running against a guess.</summary>
internal static class InitWorkflow
{
    public static string Render(ProjectSetup setup, string migrations)
    {
        var env = new StringBuilder();
        var options = new List<string> { $"tenantguard check --migrations {ShellWord(migrations)}" };

        if (setup.TenantColumn.Column is { } column)
            options.Add($"--tenant-column {ShellWord(column)}");
        else
        {
            AddTodo(env, "TENANT_COLUMN", $"name the column that says which tenant owns a row ({setup.TenantColumn.Reason}).");
            options.Add("--tenant-column \"$TENANT_COLUMN\"");
        }

        if (setup.AppRole.Value is { } role)
            options.Add($"--app-role {ShellWord(role)}");
        else
        {
            AddTodo(env, "APP_ROLE", setup.AppRole.IsAmbiguous
                ? $"the role your application connects as, one of: {string.Join(", ", setup.AppRole.Candidates)} (the migrations grant tenant tables to each)."
                : $"the role your application connects as: {setup.AppRole.Reason}");
            options.Add("--app-role \"$APP_ROLE\"");
        }

        if (setup.TenantSetting.Value is { } setting)
            options.Add($"--tenant-setting {ShellWord(setting)}");
        options.Add("--format sarif --output tenantguard.sarif");
        options.Add("--summary \"$GITHUB_STEP_SUMMARY\"");

        var workflow = new StringBuilder();
        workflow.Append("""
            # Tenant isolation: audit and attack the migrated schema on every push and pull request (tenantguard check).
            # Findings fail the job; the SARIF goes to code scanning and a Markdown summary to the job page.
            name: tenantguard
            on: [push, pull_request]

            jobs:
              tenant-isolation:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  security-events: write      # upload SARIF to code scanning
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-dotnet@v4
                    with:
                      dotnet-version: '10.0.x'
                  - name: PostgreSQL binaries and pgbouncer
                    run: sudo apt-get update && sudo apt-get install -y postgresql-16 pgbouncer
                  - uses: actions/checkout@v4        # TenantGuard's source: no package is published yet
                    with:
                      repository: tenantguard/tenantguard
                      path: .tenantguard
                  - run: |
                      dotnet pack .tenantguard/harness/TenantGuard.Cli -c Release -o .tenantguard/packages
                      dotnet tool install --global TenantGuard.Cli --add-source .tenantguard/packages
                  - name: Audit and attacks

            """);
        if (env.Length > 0)
            workflow.Append("        env:\n").Append(env);
        workflow.Append("        run: >-\n");
        foreach (var option in options)
            workflow.Append("          ").Append(option).Append('\n');
        workflow.Append("""
                  - uses: github/codeql-action/upload-sarif@v3
                    if: always()
                    with:
                      sarif_file: tenantguard.sarif
                      category: tenantguard

            """);
        return workflow.ToString();
    }

    private static void AddTodo(StringBuilder env, string variable, string what) =>
        env.Append("          # TODO: ").Append(OneLine(what)).Append('\n')
            .Append("          ").Append(variable).Append(": ''\n");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>A word the shell reads as itself: plain names stay bare, anything else is single-quoted.</summary>
    internal static string ShellWord(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
