using System.Text.Json;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>`tenantguard audit` in-process against the shared server (--connection), for speed; the embedded path
/// runs out-of-process in <see cref="ToolProcessTests"/>.</summary>
[Collection("postgres")]
public sealed class AuditCommandTests(PostgresServerFixture fixture)
{
    private const string NoRls = """
        CREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL, body text);
        CREATE INDEX ON notes (tenant_id);
        GRANT SELECT ON notes TO app_user;
        """;

    private Task<CliResult> AuditAsync(MigrationsFolder folder, params string[] extra) =>
        CliRun.RunAsync(["audit", "--migrations", folder.Path, "--connection", fixture.Server.AdminConnectionString, .. extra]);

    [Fact]
    public async Task A_clean_schema_exits_0()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No findings", result.Stdout);
        Assert.Contains("tenantguard: ", result.Stderr);
    }

    [Fact]
    public async Task Findings_exit_1_and_the_text_report_is_grouped_by_table()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders + NoRls));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("public.notes\n  error   TG1001 public.notes", result.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("\u001b[", result.Stdout);
    }

    [Fact]
    public async Task Json_output_is_exactly_one_document_on_stdout()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders + NoRls));

        var result = await AuditAsync(folder, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("TG1001", finding.GetProperty("rule").GetString());
        foreach (var field in new[] { "severity", "object", "message", "fix" })
            Assert.False(string.IsNullOrEmpty(finding.GetProperty(field).GetString()));
        Assert.Contains("Reading the catalog", result.Stderr);
    }

    [Fact]
    public async Task A_sarif_report_goes_to_the_output_file()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders + NoRls));
        var output = Path.Combine(folder.Path, "report.sarif");

        var result = await AuditAsync(folder, "--format", "sarif", "--output", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal("TG1001", sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Waivers_next_to_the_migrations_are_applied_and_stale_ones_fail_the_run()
    {
        using var folder = MigrationsFolder.Create(
            ("001_schema.sql", Schemas.CorrectOrders + NoRls),
            ("tenantguard.json", """
                {"waivers":[
                  {"rule":"TG1001","object":"public.notes","reason":"Notes are public by design."},
                  {"rule":"TG1011","object":"public.gone","reason":"Dropped last year."}
                ]}
                """));

        var result = await AuditAsync(folder, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("Notes are public by design.", json.RootElement.GetProperty("waived")[0].GetProperty("reason").GetString());
        Assert.Equal("public.gone", json.RootElement.GetProperty("unmatchedWaivers")[0].GetProperty("object").GetString());
    }

    [Fact]
    public async Task Attack_waivers_are_not_stale_in_an_audit_run_but_a_misspelt_rule_is()
    {
        using var folder = MigrationsFolder.Create(
            ("001_schema.sql", Schemas.CorrectOrders),
            ("tenantguard.json", """
                {"waivers":[
                  {"rule":"TG2001","object":"public.orders","reason":"Checked by verify."},
                  {"rule":"TG1901","object":"public.orders","reason":"A rule that does not exist."}
                ]}
                """));

        var result = await AuditAsync(folder, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var unmatched = Assert.Single(json.RootElement.GetProperty("unmatchedWaivers").EnumerateArray());
        Assert.Equal("TG1901", unmatched.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Tenant_tables_listed_in_tenantguard_json_are_audited()
    {
        using var folder = MigrationsFolder.Create(
            ("001_schema.sql", Schemas.CorrectOrders + "CREATE TABLE settings (key text PRIMARY KEY, value text);"),
            ("tenantguard.json", """{"tenantTables":["public.settings"]}"""));

        var result = await AuditAsync(folder, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("public.settings", json.RootElement.GetProperty("findings")[0].GetProperty("object").GetString());
    }

    [Fact]
    public async Task Broken_sql_exits_2_naming_file_line_and_column()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", "CREATE TABLE ok (id int);\n\nCREATE TABLE broken (id int,, name text);\n"));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("001_schema.sql:3:", result.Stderr);
        Assert.Contains("syntax error", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Two_roles_granted_access_exit_2_asking_which_is_the_app()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders + "GRANT SELECT ON orders TO reporting;"));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Which role does the application connect as?", result.Stderr);
        Assert.Contains("app_user (", result.Stderr);
        Assert.Contains("reporting (", result.Stderr);
    }

    [Fact]
    public async Task The_only_role_granted_access_is_inferred_and_said_so()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders.Replace("app_user", "web_backend", StringComparison.Ordinal)));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("web_backend, inferred", result.Stdout);
    }

    [Fact]
    public async Task A_bad_waiver_file_exits_2_before_anything_starts()
    {
        using var folder = MigrationsFolder.Create(
            ("001_schema.sql", Schemas.CorrectOrders),
            ("tenantguard.json", "{\"waivers\": [\n  {\"rule\": \"TG1001\", \"object\": \"public.notes\"}\n]}"));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("tenantguard.json: waiver #1 (TG1001 public.notes): needs a \"reason\"", result.Stderr);
        Assert.DoesNotContain("Reading the catalog", result.Stderr);
    }

    [Fact]
    public async Task A_missing_migrations_folder_exits_2()
    {
        var result = await CliRun.RunAsync("audit", "--migrations", "/nonexistent/migrations");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: The migrations folder /nonexistent/migrations does not exist (/nonexistent/migrations). " +
                     "Pass the folder that holds your .sql migrations, or an EF Core script file (--migrations PATH).\n",
            result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_tenant_column_no_table_has_exits_2_instead_of_reporting_clean()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));

        var result = await AuditAsync(folder, "--tenant-column", "team_id");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: No table has a column named team_id", result.Stderr);
        Assert.Contains("tenant_id (1 table(s))", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Tenantguard_json_settings_apply_where_no_option_is_given()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders), ("tenantguard.json", """{ "tenantColumn": "team_id" }"""));

        var fromFile = await AuditAsync(folder);
        var option = await AuditAsync(folder, "--tenant-column", "tenant_id");

        Assert.True(fromFile.ExitCode == 2, fromFile.ToString());
        Assert.Contains("error: No table has a column named team_id", fromFile.Stderr);
        Assert.True(option.ExitCode == 0, option.ToString());
    }

    [Fact]
    public async Task An_app_role_the_migrations_never_grant_to_exits_2()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql",
            "CREATE ROLE tg_cli_real_app;\n" + Schemas.CorrectOrders.Replace("app_user", "tg_cli_real_app", StringComparison.Ordinal)));

        var result = await AuditAsync(folder, "--app-role", "tg_cli_typo_app");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: App role tg_cli_typo_app holds no privilege on any of the 1 tenant table(s)", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_listed_tenant_table_that_does_not_exist_exits_2()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));

        var result = await AuditAsync(folder, "--tenant-table", "public.setings");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("public.setings", result.Stderr);
        Assert.Contains("do not exist", result.Stderr);
    }

    [Fact]
    public async Task An_output_file_in_a_missing_folder_exits_2_before_anything_starts()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));
        var output = Path.Combine(folder.Path, "no-such-folder", "report.json");

        var result = await AuditAsync(folder, "--format", "json", "--output", output);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--output {output}: the folder", result.Stderr);
        Assert.DoesNotContain("Applying migrations", result.Stderr);
    }

    [Fact]
    public async Task A_folder_without_sql_files_exits_2()
    {
        using var folder = MigrationsFolder.Create(("README.md", "no migrations here"));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no .sql files", result.Stderr);
    }

    [Fact]
    public async Task A_misspelt_key_in_tenantguard_json_exits_2()
    {
        using var folder = MigrationsFolder.Create(
            ("001_schema.sql", Schemas.CorrectOrders),
            ("tenantguard.json", """{"waiver": [{"rule": "TG1001", "object": "public.orders", "reason": "r"}], "tenantTables": []}"""));

        var result = await AuditAsync(folder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown property \"waiver\"", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_format_names_the_option_and_the_choices()
    {
        var result = await CliRun.RunAsync("audit", "--migrations", "x", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format xml: unknown report format; use one of text, json, sarif, junit, markdown.", result.Stderr);
    }

    [Theory]
    [InlineData("audit", "--migrations", "x", "--format", "yaml")]
    [InlineData("audit", "--migrations", "")]
    [InlineData("audit", "--migrations", "x", "--app-role", "")]
    [InlineData("audit", "--migrations", "x", "--tenant-column", " ")]
    [InlineData("audit")]
    [InlineData("inspect")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var result = await CliRun.RunAsync("audit", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--migrations", result.Stdout);
    }
}
