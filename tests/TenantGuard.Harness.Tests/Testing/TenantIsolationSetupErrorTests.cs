using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Testing;

namespace TenantGuard.Harness.Tests.Testing;

/// <summary>A test that cannot find its configuration or migrations fails at once, naming the file and what to do,
/// before any server starts.</summary>
public sealed class TenantIsolationSetupErrorTests
{
    [Fact]
    public async Task No_tenantguard_json_above_the_test_says_where_it_looked_and_what_to_write()
    {
        using var empty = new TemporaryDirectory();

        var error = await Assert.ThrowsAsync<HarnessException>(() => TenantIsolation.VerifyAsync(new TenantIsolationOptions { SearchFrom = empty.Path }));

        Assert.StartsWith($"No tenantguard.json in {empty.Path} or any folder above it.", error.Message);
        Assert.Contains("{\"migrations\": \"db/migrations\"}", error.Message);
        Assert.Contains("TenantIsolation.VerifyAsync(\"db/migrations\")", error.Message);
    }

    [Fact]
    public async Task A_tenantguard_json_found_above_the_test_naming_missing_migrations_is_named_with_the_path()
    {
        using var root = new TemporaryDirectory();
        var config = Path.Combine(root.Path, "tenantguard.json");
        await File.WriteAllTextAsync(config, """{ "migrations": "db/migrations" }""");
        var bin = Directory.CreateDirectory(Path.Combine(root.Path, "tests", "App.Tests", "bin")).FullName;

        var error = await Assert.ThrowsAsync<HarnessException>(() => TenantIsolation.VerifyAsync(new TenantIsolationOptions { SearchFrom = bin }));

        Assert.Equal($"{config}: \"migrations\" names {Path.Combine(root.Path, "db", "migrations")}, which does not exist. " +
                     "Give the folder that holds your .sql migrations (or an EF Core script), relative to this file.", error.Message);
    }

    [Fact]
    public async Task A_relative_path_found_nowhere_above_the_test_is_refused()
    {
        using var empty = new TemporaryDirectory();

        var error = await Assert.ThrowsAsync<HarnessException>(() =>
            TenantIsolation.VerifyAsync(new TenantIsolationOptions { Path = "db/no-such-migrations", SearchFrom = empty.Path }));

        Assert.StartsWith($"db/no-such-migrations: not found in {empty.Path} or any folder above it.", error.Message);
    }

    [Fact]
    public async Task A_root_tenantguard_json_naming_migrations_that_hold_their_own_is_refused()
    {
        using var root = new TemporaryDirectory();
        var migrations = Directory.CreateDirectory(Path.Combine(root.Path, "db")).FullName;
        await File.WriteAllTextAsync(Path.Combine(migrations, "001_schema.sql"), "CREATE TABLE t (id int);");
        await File.WriteAllTextAsync(Path.Combine(migrations, "tenantguard.json"), """{ "waivers": [] }""");
        await File.WriteAllTextAsync(Path.Combine(root.Path, "tenantguard.json"), """{ "migrations": "db" }""");

        var error = await Assert.ThrowsAsync<HarnessException>(() => TenantIsolation.VerifyAsync(new TenantIsolationOptions { SearchFrom = root.Path }));

        Assert.Contains($"have a tenantguard.json of their own ({Path.Combine(migrations, "tenantguard.json")})", error.Message);
    }

    [Fact]
    public async Task A_seed_file_tenantguard_json_names_but_that_is_missing_is_named()
    {
        using var folder = IsolationFolderWithConfig("""{ "seedSql": "seed.sql" }""");

        var error = await Assert.ThrowsAsync<HarnessException>(() => TenantIsolation.VerifyAsync(folder.Path));

        Assert.Contains("\"seedSql\" names " + Path.Combine(folder.Path, "seed.sql") + ", which does not exist", error.Message);
    }

    private static MigrationsFolder IsolationFolderWithConfig(string config) =>
        MigrationsFolder.Create(("001_schema.sql", "CREATE TABLE t (id int);"), ("tenantguard.json", config));
}
