using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Migrations;

[Collection("postgres")]
public sealed class MigrationRunnerTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_server_error_names_file_line_and_column_of_the_broken_token()
    {
        using var folder = MigrationsFolder.Create(
            ("001_tables.sql", "CREATE TABLE projects (id int);\n"),
            ("002_broken.sql", "CREATE TABLE ok (id int);\n\n-- the next statement is broken\nCREATE TABLE tasks (\n    id int,\n    titel txt\n);\n"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.EndsWith("002_broken.sql", error.File);
        Assert.Equal(6, error.Line);
        Assert.Equal(11, error.Column); // "txt"
        Assert.StartsWith("42704 type \"txt\" does not exist", error.ServerMessage);
        Assert.Contains("002_broken.sql:6:11: 42704 type \"txt\" does not exist", error.Message);
    }

    [Fact]
    public async Task Syntax_errors_after_multibyte_text_keep_the_right_column()
    {
        using var folder = MigrationsFolder.Create(
            ("001_emoji.sql", "-- 🚀 launch\nCREATE TABLE t (note text DEFAULT '🚀🚀');\nSELEC 1;\n"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("42601", error.ServerMessage);
    }

    [Fact]
    public async Task An_error_inside_a_function_body_points_into_the_body()
    {
        using var folder = MigrationsFolder.Create(("001_function.sql", """
            CREATE TABLE t (id int);

            CREATE FUNCTION answer() RETURNS int LANGUAGE plpgsql AS $$
            BEGIN
                RETURN 41 +;
            END;
            $$;
            """));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.Equal(5, error.Line);
        Assert.Equal(16, error.Column); // the ";" right after "+"
        Assert.StartsWith("42601", error.ServerMessage);
    }

    [Fact]
    public async Task An_error_without_a_server_position_points_at_the_statement()
    {
        using var folder = MigrationsFolder.Create(
            ("001_twice.sql", "CREATE TABLE t (id int);\n  CREATE TABLE t (id int);\n"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.StartsWith("42P07", error.ServerMessage);
    }

    [Fact]
    public async Task Files_run_in_ordinal_name_order()
    {
        using var folder = MigrationsFolder.Create(
            ("010_second.sql", "ALTER TABLE items ADD COLUMN tenant_id uuid;"),
            ("009_first.sql", "CREATE TABLE items (id int);"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(2, template.MigrationFiles);
        Assert.True(await ColumnExistsAsync(database, "items", "tenant_id"));
    }

    [Fact]
    public async Task Each_file_runs_in_its_own_session_so_a_search_path_set_in_one_does_not_reach_the_next()
    {
        using var folder = MigrationsFolder.Create(
            ("001_archive.sql", "CREATE SCHEMA archive;\nSET search_path = archive;\nCREATE TABLE old_notes (id int);\n"),
            ("002_notes.sql", "CREATE TABLE notes (id int);\n"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        await using var command = database.OwnerDataSource.CreateCommand(
            "SELECT string_agg(table_schema || '.' || table_name, ',' ORDER BY table_name) FROM information_schema.tables " +
            "WHERE table_name IN ('notes', 'old_notes')");
        Assert.Equal("public.notes,archive.old_notes", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_error_after_another_files_setting_is_blamed_on_its_own_file_and_line()
    {
        // Had 001's search_path reached 002, its first INSERT would fail (no archive.items) and take the blame.
        using var folder = MigrationsFolder.Create(
            ("001_items.sql", "CREATE TABLE items (id int);\nCREATE SCHEMA archive;\nSET search_path = archive;\n"),
            ("002_rows.sql", "INSERT INTO items VALUES (1);\nINSERT INTO items VALUES ('one');\n"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.EndsWith("002_rows.sql", error.File);
        Assert.Equal((2, 27), (error.Line, error.Column)); // 'one'
        Assert.StartsWith("22P02", error.ServerMessage);
    }

    [Fact]
    public async Task Explicit_transactions_and_harmless_psql_commands_are_accepted()
    {
        using var folder = MigrationsFolder.Create(
            ("001_wrapped.sql", "\\echo creating items\nBEGIN;\nCREATE TABLE items (id int);\nCOMMIT;\n"),
            ("002_empty.sql", ""));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        Assert.True(await ColumnExistsAsync(database, "items", "id"));
    }

    [Fact]
    public async Task Sql_standard_function_bodies_with_inner_semicolons_are_sent_whole()
    {
        using var folder = MigrationsFolder.Create(("001_atomic.sql", """
            CREATE TABLE audit_log (note text);
            CREATE FUNCTION log_twice(note text) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
                INSERT INTO audit_log VALUES (note);
                INSERT INTO audit_log VALUES (CASE WHEN note IS NULL THEN 'none' ELSE note END);
                SELECT count(*)::int FROM audit_log;
            END;
            SELECT log_twice('created');
            """));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        await using var command = database.OwnerDataSource.CreateCommand("SELECT count(*) FROM audit_log");
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Other_psql_meta_commands_are_rejected_with_their_line()
    {
        using var folder = MigrationsFolder.Create(("001_include.sql", "CREATE TABLE a (id int);\n\\i other.sql\n"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.Equal(2, error.Line);
        Assert.Contains(@"psql meta-command \i", error.Message);
    }

    [Fact]
    public async Task Statements_that_cannot_run_in_a_transaction_run_one_by_one()
    {
        using var folder = MigrationsFolder.Create(
            ("001_table.sql", "CREATE TABLE items (id int, tenant_id uuid);"),
            ("002_index.sql", "CREATE INDEX CONCURRENTLY items_tenant ON items (tenant_id);\nVACUUM items;"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        await using var connection = await database.OwnerDataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_tenant'", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_statement_needing_a_superuser_says_so_and_the_superuser_option_runs_it()
    {
        using var folder = MigrationsFolder.Create(
            ("001_service.sql", "CREATE ROLE tg_test_service_role NOLOGIN BYPASSRLS;"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));
        Assert.Equal(1, error.Line);
        Assert.StartsWith("42501", error.ServerMessage);
        Assert.Contains("--migrations-as-superuser", error.Message);

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithMigrationsAsSuperuser());
        await using var database = await template.CreateDatabaseAsync();
        await using var connection = await database.OwnerDataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT rolbypassrls FROM pg_roles WHERE rolname = 'tg_test_service_role'", connection);
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrations_run_as_the_non_superuser_owner_that_owns_the_tables()
    {
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE items (id int);"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        await using var connection = await database.OwnerDataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tableowner, (SELECT rolsuper FROM pg_roles WHERE rolname = tableowner) FROM pg_tables WHERE tablename = 'items'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("tenantguard_owner", reader.GetString(0));
        Assert.False(reader.GetBoolean(1));
    }

    [Fact]
    public async Task Missing_or_empty_folders_are_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "tenantguard-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAsync<HarnessException>(() => fixture.BuildTemplateAsync(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);

        using var empty = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(empty.Path, "README.md"), "not a migration");
        error = await Assert.ThrowsAsync<HarnessException>(() => fixture.BuildTemplateAsync(empty.Path));
        Assert.Contains(empty.Path, error.Message);
        Assert.Contains("no .sql files", error.Message);
    }

    [Fact]
    public async Task A_failed_build_leaves_no_template_database_behind()
    {
        using var folder = MigrationsFolder.Create(("001_broken.sql", "CREATE TABLE (;"));
        var before = await TemplateCountAsync();

        await Assert.ThrowsAsync<MigrationException>(() => fixture.BuildTemplateAsync(folder.Path));

        Assert.Equal(before, await TemplateCountAsync());
    }

    private async Task<long> TemplateCountAsync()
    {
        await using var command = fixture.Server.AdminDataSource.CreateCommand(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'tg_template_%'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> ColumnExistsAsync(TenantDatabase database, string table, string column)
    {
        await using var connection = await database.OwnerDataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND column_name = $2", connection);
        command.Parameters.AddWithValue(table);
        command.Parameters.AddWithValue(column);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
