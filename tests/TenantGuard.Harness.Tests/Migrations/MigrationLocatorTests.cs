using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Reports;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Migrations;

/// <summary>Findings point at the line of the file that runs, in every layout.</summary>
public sealed class MigrationLocatorTests
{
    private static readonly Finding NoRls = new("TG1001", Severity.Error, "public.notes", "RLS is disabled on public.notes.", "-- enable it")
    {
        Table = "public.notes",
    };

    [Fact]
    public void A_table_made_in_a_dbmate_up_section_is_located_at_its_line_in_the_whole_file()
    {
        using var folder = MigrationsFolder.Create(
            ("20240101000000_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nCREATE TABLE notes (id int);\n"),
            ("20240102000000_notes.sql", "-- the notes\n\n-- migrate:up\n\nCREATE TABLE notes (id int);\n-- migrate:down\nDROP TABLE notes;\n"));

        var located = Locate(MigrationLoader.Load(folder.Path, null));

        Assert.EndsWith("20240102000000_notes.sql:5", located);
    }

    [Fact]
    public void A_table_made_by_a_golang_migrate_up_file_is_never_located_in_a_down_file()
    {
        using var folder = MigrationsFolder.Create(
            ("1_notes.down.sql", "CREATE TABLE notes (id int);"),
            ("1_notes.up.sql", "\nCREATE TABLE notes (id int);"));

        var located = Locate(MigrationLoader.Load(folder.Path, null));

        Assert.EndsWith("1_notes.up.sql:2", located);
    }

    private static string? Locate(MigrationSet migrations) =>
        Assert.Single(MigrationLocator.For(migrations).Annotate(new Report([NoRls])).Findings).Location;
}
