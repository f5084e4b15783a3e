using TenantGuard.Harness.Migrations;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Migrations;

/// <summary>Which layout a folder is read as, which files run and in what order. Reading needs no server.</summary>
public sealed class MigrationLayoutDetectionTests
{
    private const string DbmateUsers = "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n";

    private static MigrationSet Load(MigrationsFolder folder, MigrationLayout? layout = null) => MigrationLoader.Load(folder.Path, layout);

    private static List<string> Names(MigrationSet set) => set.Files.Select(f => f.Name).ToList();

    [Fact]
    public void A_flat_folder_runs_its_own_sql_files_by_ordinal_name_whatever_the_extensions_case()
    {
        using var folder = MigrationsFolder.Create(
            ("010_b.sql", ""), ("009_a.SQL", ""), ("2_c.Sql", ""), ("V10__d.txt", ""), ("README.md", "not a migration"));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.Flat, set.Layout);
        Assert.Equal(["009_a.SQL", "010_b.sql", "2_c.Sql"], Names(set));
        Assert.Empty(set.Skipped);
    }

    [Fact]
    public void A_flat_folder_names_the_subfolder_files_it_does_not_run()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", ""), ("seeds/dev.sql", ""));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.Flat, set.Layout);
        Assert.Equal(["001_schema.sql"], Names(set));
        Assert.Equal(["in subfolders, not run: seeds/dev.sql"], set.Skipped);
    }

    [Fact]
    public void A_folder_with_sql_only_in_subfolders_is_read_recursively_by_relative_path()
    {
        using var folder = MigrationsFolder.Create(
            ("b/002_more.sql", ""), ("a/010_late.sql", ""), ("a/nested/001_deep.sql", ""), ("b/001_first.SQL", ""));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.Recursive, set.Layout);
        Assert.Equal(["a/010_late.sql", "a/nested/001_deep.sql", "b/001_first.SQL", "b/002_more.sql"], Names(set));
    }

    [Fact]
    public void Prisma_migration_folders_run_by_folder_name_and_nothing_else_runs()
    {
        using var folder = MigrationsFolder.Create(
            ("20240312093000_add_notes/migration.sql", ""),
            ("20240101120000_init/migration.sql", ""),
            ("20240101120000_init/rollback.sql", ""),
            ("migration_lock.toml", "provider = \"postgresql\""));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.Prisma, set.Layout);
        Assert.Equal(["20240101120000_init/migration.sql", "20240312093000_add_notes/migration.sql"], Names(set));
        Assert.Equal(["not migration.sql, not run: 20240101120000_init/rollback.sql"], set.Skipped);
    }

    [Fact]
    public void A_prisma_migration_folder_without_its_migration_sql_is_refused()
    {
        using var folder = MigrationsFolder.Create(("20240101120000_init/migration.sql", ""), ("20240201120000_lost/notes.txt", ""));

        var error = Assert.Throws<HarnessException>(() => Load(folder));

        Assert.Contains("20240201120000_lost", error.Message);
        Assert.Contains("without migration.sql", error.Message);
    }

    [Fact]
    public void Golang_migrate_runs_up_files_by_version_number_and_never_down_files()
    {
        using var folder = MigrationsFolder.Create(
            ("1_init.up.sql", ""), ("1_init.down.sql", ""),
            ("10_tasks.up.sql", ""), ("10_tasks.down.sql", ""),
            ("9_projects.up.sql", ""), ("9_projects.down.sql", ""),
            ("002_users.up.sql", ""));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.GolangMigrate, set.Layout);
        Assert.Equal(["1_init.up.sql", "002_users.up.sql", "9_projects.up.sql", "10_tasks.up.sql"], Names(set));
        Assert.Equal("migrations: golang-migrate layout (detected: files named <version>_<title>.up.sql / .down.sql), 4 files " +
                     "(down files skipped: 3)", set.Describe().First());
        Assert.Equal(["  1. 1_init.up.sql", "  2. 002_users.up.sql", "  3. 9_projects.up.sql", "  4. 10_tasks.up.sql"], set.Describe().Skip(1));
    }

    [Fact]
    public void Golang_migrate_up_files_of_one_version_are_refused()
    {
        using var folder = MigrationsFolder.Create(("1_a.up.sql", ""), ("01_b.up.sql", ""));

        var error = Assert.Throws<HarnessException>(() => Load(folder));

        Assert.Contains("01_b.up.sql and 1_a.up.sql have the same version", error.Message);
    }

    [Fact]
    public void Flyway_runs_versions_part_by_part_as_numbers_then_repeatables_by_description_and_never_undo_files()
    {
        using var folder = MigrationsFolder.Create(
            ("V2__tasks.sql", ""), ("V10__comments.sql", ""), ("V1__init.sql", ""),
            ("V1.2.10__later.sql", ""), ("V1.2.9__earlier.sql", ""), ("V1_3__underscored.sql", ""),
            ("R__views.sql", ""), ("R__functions.sql", ""), ("U2__tasks.sql", ""),
            ("more/V3__in_a_subfolder.sql", ""));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.Flyway, set.Layout);
        Assert.Equal(
            ["V1__init.sql", "V1.2.9__earlier.sql", "V1.2.10__later.sql", "V1_3__underscored.sql", "V2__tasks.sql",
             "more/V3__in_a_subfolder.sql", "V10__comments.sql", "R__functions.sql", "R__views.sql"],
            Names(set));
        Assert.Equal(["undo files skipped: 1"], set.Skipped);
    }

    [Fact]
    public void Flyway_versions_that_are_equal_as_numbers_are_refused()
    {
        using var folder = MigrationsFolder.Create(("V1__a.sql", ""), ("V1.0__b.sql", ""));

        var error = Assert.Throws<HarnessException>(() => Load(folder));

        Assert.Contains("have the same version", error.Message);
    }

    [Fact]
    public void Dbmate_files_run_only_their_up_section_with_lines_kept()
    {
        using var folder = MigrationsFolder.Create(
            ("20240102000000_notes.sql", "-- notes\n-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY n ON users (id);\n-- migrate:down\nDROP INDEX n;\n"),
            ("20240101000000_users.sql", DbmateUsers));

        var set = Load(folder);

        Assert.Equal(MigrationLayout.Dbmate, set.Layout);
        Assert.Equal(["20240101000000_users.sql", "20240102000000_notes.sql"], Names(set));
        Assert.Equal(["down sections skipped: 2"], set.Skipped);
        var (users, notes) = (set.Files[0], set.Files[1]);
        Assert.Equal("-- migrate:up\nCREATE TABLE users (id int);\n\n", users.Text);
        Assert.True(users.InTransaction);
        Assert.Equal(2, notes.FirstLine);
        Assert.Equal(3, notes.LineInFile(2)); // CREATE INDEX is the section's second line, the file's third
        Assert.False(notes.InTransaction);
        Assert.Equal("-- migrate:up, lines 2-3, transaction:false", notes.Part);
    }

    [Fact]
    public void One_ef_core_script_in_a_folder_or_named_on_its_own_is_an_ef_script()
    {
        const string script = "CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY);\n";
        using var folder = MigrationsFolder.Create(("migrations.sql", script), ("tenantguard.json", "{}"));

        Assert.Equal(MigrationLayout.EfScript, Load(folder).Layout);
        var file = MigrationLoader.Load(Path.Combine(folder.Path, "migrations.sql"), null);
        Assert.Equal(MigrationLayout.EfScript, file.Layout);
        Assert.Equal(["migrations.sql"], Names(file));
        Assert.Equal(script, file.Files[0].Text);
    }

    [Fact]
    public void A_file_given_with_a_folder_layout_is_refused()
    {
        using var folder = MigrationsFolder.Create(("schema.sql", "CREATE TABLE t (id int);"));

        var error = Assert.Throws<HarnessException>(() => MigrationLoader.Load(Path.Combine(folder.Path, "schema.sql"), MigrationLayout.Flyway));

        Assert.Contains("--layout flyway reads a folder", error.Message);
    }

    [Theory]
    [InlineData("golang-migrate", "1_init.up.sql", "1_init.down.sql", "notes.sql")]
    [InlineData("flyway", "V1__init.sql", "V2__more.sql", "seed.sql")]
    [InlineData("prisma", "20240101_init/migration.sql", "20240102_more/migration.sql", "schema.sql")]
    [InlineData("dbmate", "001_users.sql", "002_more.sql", "003_plain.sql")]
    public void Files_a_detected_layout_would_not_run_next_to_files_it_would_ask_for_a_layout(
        string layout, string first, string second, string stray)
    {
        using var folder = MigrationsFolder.Create((first, DbmateUsers), (second, DbmateUsers), (stray, "CREATE TABLE t (id int);"));

        var error = Assert.Throws<HarnessException>(() => Load(folder));

        Assert.Contains($"mixes layouts: 2 file(s) are {layout} migrations", error.Message);
        Assert.Contains(stray, error.Message);
        Assert.Contains("--layout flat|recursive|prisma|dbmate|golang-migrate|flyway|ef-script", error.Message);
    }

    [Fact]
    public void Marks_of_two_layouts_ask_for_a_layout()
    {
        using var folder = MigrationsFolder.Create(("V1__init.sql", ""), ("1_init.up.sql", ""));

        var error = Assert.Throws<HarnessException>(() => Load(folder));

        Assert.Contains("carries the marks of several layouts: golang-migrate", error.Message);
        Assert.Contains("flyway", error.Message);
        Assert.Contains("--layout", error.Message);
    }

    [Fact]
    public void A_given_layout_wins_and_says_what_it_does_not_run()
    {
        using var folder = MigrationsFolder.Create(("1_init.up.sql", ""), ("1_init.down.sql", ""), ("notes.sql", ""));

        var golang = Load(folder, MigrationLayout.GolangMigrate);
        var flat = Load(folder, MigrationLayout.Flat);

        Assert.Equal(["1_init.up.sql"], Names(golang));
        Assert.Equal(["down files skipped: 1", "not <version>_<title>.up.sql, not run: notes.sql"], golang.Skipped);
        Assert.Equal("--layout golang-migrate", golang.Why);
        Assert.Equal(["1_init.down.sql", "1_init.up.sql", "notes.sql"], Names(flat));
    }

    [Fact]
    public void A_given_layout_that_finds_nothing_says_what_it_looks_for()
    {
        using var folder = MigrationsFolder.Create(("001_schema.sql", ""));

        var error = Assert.Throws<HarnessException>(() => Load(folder, MigrationLayout.Flyway));

        Assert.Contains("holds no flyway migrations (not V<version>__<description>.sql or R__<description>.sql, not run: 001_schema.sql)",
            error.Message);
    }

    [Fact]
    public void Names_of_the_layouts_parse_back_and_unknown_ones_do_not()
    {
        foreach (var name in MigrationLayouts.Names)
        {
            Assert.True(MigrationLayouts.TryParse(name, out var layout));
            Assert.Equal(name, layout.Name());
        }

        Assert.True(MigrationLayouts.TryParse("Flyway", out _));
        Assert.False(MigrationLayouts.TryParse("GolangMigrate", out _));
        Assert.False(MigrationLayouts.TryParse("liquibase", out _));
    }
}
