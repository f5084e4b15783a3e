using System.Text;
using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Migrations;

/// <summary>Each layout applied to a real server: the right files, in the tool's order (later files need earlier
/// ones), and never a down or undo file or section (those would drop what the up files made).</summary>
[Collection("postgres")]
public sealed class MigrationLayoutApplyTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task Golang_migrate_applies_up_files_by_version_and_no_down_file()
    {
        using var folder = MigrationsFolder.Create(
            ("1_notes.up.sql", "CREATE TABLE notes (id int);"),
            ("1_notes.down.sql", "DROP TABLE notes;"),
            ("9_tenant.up.sql", "ALTER TABLE notes ADD COLUMN tenant_id uuid;"),
            ("9_tenant.down.sql", "ALTER TABLE notes DROP COLUMN tenant_id;"),
            ("10_index.up.sql", "CREATE INDEX notes_tenant ON notes (tenant_id);"), // needs 9: by name it would run first
            ("10_index.down.sql", "DROP INDEX notes_tenant;"));
        var progress = new List<string>();

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithProgress(new SynchronousProgress(progress)));
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_tenant'"));
        Assert.Equal(3, template.MigrationFiles);
        Assert.Contains("migrations: golang-migrate layout (detected: files named <version>_<title>.up.sql / .down.sql), 3 files " +
                        "(down files skipped: 3)", progress);
        var listed = progress.SkipWhile(l => !l.StartsWith("migrations:", StringComparison.Ordinal)).Skip(1).Take(3);
        Assert.Equal(["  1. 1_notes.up.sql", "  2. 9_tenant.up.sql", "  3. 10_index.up.sql"], listed);
        Assert.Equal(["1_notes.up.sql", "9_tenant.up.sql", "10_index.up.sql"],
            progress.Where(l => l.StartsWith("migrating ", StringComparison.Ordinal)).Select(l => Path.GetFileName(l.Split(' ')[1])));
    }

    [Fact]
    public async Task Flyway_applies_versions_as_numbers_then_repeatables_and_no_undo_file()
    {
        using var folder = MigrationsFolder.Create(
            ("V2__notes.sql", "CREATE TABLE notes (id int);"),
            ("V10__tenant.sql", "ALTER TABLE notes ADD COLUMN tenant_id uuid;"), // needs V2: by name it would run first
            ("U10__tenant.sql", "ALTER TABLE notes DROP COLUMN tenant_id;"),
            ("R__note_tenants.sql", "CREATE OR REPLACE VIEW note_tenants AS SELECT tenant_id FROM notes;")); // needs V10

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM information_schema.views WHERE table_name = 'note_tenants'"));
        Assert.Equal(1L, await ScalarAsync(database,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'tenant_id'"));
    }

    [Fact]
    public async Task Prisma_applies_each_folders_migration_sql_by_folder_name()
    {
        using var folder = MigrationsFolder.Create(
            ("20240201000000_tenant/migration.sql", "ALTER TABLE \"Note\" ADD COLUMN tenant_id uuid;"),
            ("20240101000000_init/migration.sql", "CREATE TABLE \"Note\" (id int);"),
            ("migration_lock.toml", "provider = \"postgresql\"\n"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(1L, await ScalarAsync(database,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'Note' AND column_name = 'tenant_id'"));
    }

    [Fact]
    public async Task Dbmate_runs_up_sections_only_and_respects_transaction_false()
    {
        using var folder = MigrationsFolder.Create(
            ("20240101000000_notes.sql", "-- migrate:up\nCREATE TABLE notes (id int);\n\n-- migrate:down\nDROP TABLE notes;\n"),
            ("20240102000000_index.sql",
                "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY notes_id ON notes (id);\n\n-- migrate:down\nDROP INDEX notes_id;\nDROP TABLE notes;\n"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'notes'"));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_id'"));
    }

    [Fact]
    public async Task A_dbmate_error_points_at_the_line_of_the_whole_file()
    {
        using var folder = MigrationsFolder.Create(
            ("20240101000000_notes.sql", "-- notes, the first table\n-- migrate:up\nCREATE TABLE a (id int);\nCREATE TABLE b (id txt);\n" +
                                         "-- migrate:down\nDROP TABLE a;\n"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.EndsWith("20240101000000_notes.sql", error.File);
        Assert.Equal((4, 20), (error.Line, error.Column)); // "txt"
        Assert.StartsWith("42704", error.ServerMessage);
    }

    [Fact]
    public async Task An_ef_core_script_applies_as_it_is_with_its_transaction_blocks_and_history()
    {
        const string script = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
                "MigrationId" character varying(150) NOT NULL,
                "ProductVersion" character varying(32) NOT NULL,
                CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
            );

            START TRANSACTION;
            CREATE TABLE "Notes" (
                "Id" uuid NOT NULL,
                "TenantId" uuid NOT NULL,
                CONSTRAINT "PK_Notes" PRIMARY KEY ("Id")
            );

            INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
            VALUES ('20240101000000_Initial', '9.0.0');

            COMMIT;

            START TRANSACTION;
            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240201000000_Body') THEN
                ALTER TABLE "Notes" ADD "Body" text;
                END IF;
            END $EF$;

            DO $EF$
            BEGIN
                IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20240201000000_Body') THEN
                INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
                VALUES ('20240201000000_Body', '9.0.0');
                END IF;
            END $EF$;
            COMMIT;

            """;
        using var folder = new TemporaryDirectory();
        var file = Path.Combine(folder.Path, "migrations.sql");
        await File.WriteAllTextAsync(file, script, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var progress = new List<string>();

        await using var template = await fixture.BuildTemplateAsync(file, b => b.WithProgress(new SynchronousProgress(progress)));
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(2L, await ScalarAsync(database, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1L, await ScalarAsync(database,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'Notes' AND column_name = 'Body'"));
        Assert.Contains("migrations: ef-script layout (detected: one script that writes __EFMigrationsHistory), 1 file", progress);
    }

    [Fact]
    public async Task Recursive_applies_subfolder_files_by_path_and_flat_takes_upper_case_extensions()
    {
        using var recursive = MigrationsFolder.Create(
            ("2025/001_tenant.sql", "ALTER TABLE notes ADD COLUMN tenant_id uuid;"),
            ("2024/001_notes.SQL", "CREATE TABLE notes (id int);"));
        using var flat = MigrationsFolder.Create(
            ("002_tenant.sql", "ALTER TABLE notes ADD COLUMN tenant_id uuid;"),
            ("001_notes.SQL", "CREATE TABLE notes (id int);"));

        foreach (var folder in new[] { recursive, flat })
        {
            await using var template = await fixture.BuildTemplateAsync(folder.Path);
            await using var database = await template.CreateDatabaseAsync();

            Assert.Equal(2, template.MigrationFiles);
            Assert.Equal(1L, await ScalarAsync(database,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'tenant_id'"));
        }
    }

    [Fact]
    public async Task A_given_layout_is_applied_instead_of_the_detected_one()
    {
        // Read flat, by name, the down file runs after the up file and drops the table: what the user asked for.
        using var folder = MigrationsFolder.Create(
            ("1_notes.up.sql", "CREATE TABLE notes (id int);"),
            ("1_notes.zz.sql", "DROP TABLE notes;"),
            ("1_notes.down.sql", "CREATE TABLE kept (id int);"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithMigrationLayout(MigrationLayout.Flat));
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'notes'"));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'"));
    }

    private static async Task<object?> ScalarAsync(TenantDatabase database, string sql)
    {
        await using var command = database.OwnerDataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
