using System.Text.Json;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>--layout and the layouts through the command line, against the shared server (--connection).</summary>
[Collection("postgres")]
public sealed class MigrationLayoutCommandTests(PostgresServerFixture fixture)
{
    private const string NoRls =
        "CREATE TABLE notes (id serial PRIMARY KEY, tenant_id uuid NOT NULL);\nCREATE INDEX ON notes (tenant_id);\nGRANT SELECT ON notes TO app_user;\n";

    public static TheoryData<string> Commands => new() { "audit", "verify", "check" };

    private Task<CliResult> AuditAsync(string migrations, params string[] extra) =>
        CliRun.RunAsync(["audit", "--migrations", migrations, "--connection", fixture.Server.AdminConnectionString, .. extra]);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_layout_is_a_usage_error_in_every_command(string command)
    {
        var result = await CliRun.RunAsync(command, "--migrations", ".", "--layout", "liquibase");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --layout liquibase: unknown migration layout; use one of flat, recursive, prisma, dbmate, " +
                          "golang-migrate, flyway, ef-script. (tenantguard --help for usage)\n", result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_dbmate_folder_is_detected_listed_and_its_findings_point_into_the_whole_file()
    {
        var file = "-- the schema\n-- migrate:up\n" + Schemas.CorrectOrders + "\n" + NoRls + "\n-- migrate:down\nDROP TABLE notes;\nDROP TABLE orders;\n";
        using var folder = MigrationsFolder.Create(("20240101000000_schema.sql", file));
        var notesLine = LineOf(file, "CREATE TABLE notes");
        var lastUpLine = LineOf(file, "-- migrate:down") - 1;

        var result = await AuditAsync(folder.Path, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("tenantguard: migrations: dbmate layout (detected: files with a '-- migrate:up' line), 1 file " +
                        "(down sections skipped: 1)", result.Stderr);
        Assert.Contains($"tenantguard:   1. 20240101000000_schema.sql (-- migrate:up, lines 2-{lastUpLine})", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("TG1001", finding.GetProperty("rule").GetString());
        Assert.EndsWith($"20240101000000_schema.sql:{notesLine}", finding.GetProperty("location").GetString());
    }

    [Fact]
    public async Task A_folder_of_two_layouts_exits_2_asking_for_one_and_layout_settles_it()
    {
        using var folder = MigrationsFolder.Create(
            ("1_schema.up.sql", Schemas.CorrectOrders),
            ("1_schema.down.sql", "DROP TABLE orders;"),
            ("notes.sql", "-- scratch, never applied\nSELECT 1;"));

        var asked = await AuditAsync(folder.Path);
        var settled = await AuditAsync(folder.Path, "--layout", "golang-migrate");

        Assert.True(asked.ExitCode == 2, asked.ToString());
        Assert.Single(asked.Stderr.Trim().Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("mixes layouts", asked.Stderr);
        Assert.Contains("--layout", asked.Stderr);
        Assert.True(settled.ExitCode == 0, settled.ToString());
        Assert.Contains("migrations: golang-migrate layout (--layout golang-migrate), 1 file (down files skipped: 1; " +
                        "not <version>_<title>.up.sql, not run: notes.sql)", settled.Stderr);
    }

    [Fact]
    public async Task An_ef_core_script_file_is_taken_as_migrations_with_the_config_next_to_it()
    {
        using var folder = MigrationsFolder.Create(
            ("efscript.sql", "CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, " +
                             "\"ProductVersion\" varchar(32) NOT NULL);\nSTART TRANSACTION;\n" + Schemas.CorrectOrders + NoRls +
                             "INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', '9.0.0');\nCOMMIT;\n"),
            ("tenantguard.json", """{"waivers":[{"rule":"TG1001","object":"public.notes","reason":"Public notes."}]}"""));

        var result = await AuditAsync(Path.Combine(folder.Path, "efscript.sql"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("migrations: ef-script layout", result.Stderr);
        Assert.Contains("No findings (1 waived)", result.Stdout);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_exits_2_naming_file_and_offset()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "002_notes.sql"), [.. "COMMENT ON TABLE orders IS 'caf"u8, 0xE9, .. "';\n"u8]);

        var result = await AuditAsync(folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("002_notes.sql: is not UTF-8: byte 0xE9 at byte offset 31 (line 1)", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    private static int LineOf(string text, string what) => 1 + text[..text.IndexOf(what, StringComparison.Ordinal)].Count(c => c == '\n');
}
