using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Databases;

[Collection("postgres")]
public sealed class AppRoleTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task A_role_the_migrations_do_not_create_is_created_as_a_plain_login_role()
    {
        var role = "tg_app_" + Guid.NewGuid().ToString("N")[..8];
        using var folder = MigrationsFolder.Create(("001_table.sql", $"CREATE TABLE items (id int);\nGRANT SELECT ON items TO {role};"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithAppRole(role));
        await using var database = await template.CreateDatabaseAsync();

        var attributes = await RoleAsync(database, role);
        Assert.Equal((true, false, false), attributes);
        await using var app = await database.AppDataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT current_user || ':' || count(*) FROM items", app);
        Assert.Equal($"{role}:0", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_role_the_migrations_create_without_login_gets_login()
    {
        var role = "tg_app_" + Guid.NewGuid().ToString("N")[..8];
        using var folder = MigrationsFolder.Create(("001_role.sql", $"CREATE ROLE {role} NOLOGIN;\nCREATE TABLE items (id int);"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithAppRole(role));
        await using var database = await template.CreateDatabaseAsync();

        Assert.True((await RoleAsync(database, role)).CanLogIn);
        await using var app = await database.AppDataSource.OpenConnectionAsync();
        Assert.Equal(System.Data.ConnectionState.Open, app.State);
    }

    [Fact]
    public async Task Templates_whose_migrations_all_create_app_user_share_one_server()
    {
        const string migration = "CREATE ROLE app_user NOLOGIN;\nCREATE TABLE items (id int);\nGRANT SELECT ON items TO app_user;";
        using var first = MigrationsFolder.Create(("001_role.sql", migration));
        using var second = MigrationsFolder.Create(("001_role.sql", migration));

        await using var firstTemplate = await fixture.BuildTemplateAsync(first.Path);
        await using var secondTemplate = await fixture.BuildTemplateAsync(second.Path);
        await using var database = await secondTemplate.CreateDatabaseAsync();

        Assert.Equal("app_user", database.AppRole);
        await using var app = await database.AppDataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM items", app);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Redefining_the_app_role_never_takes_its_login_away_while_other_databases_use_it()
    {
        using var folder = MigrationsFolder.Create(
            ("001_role.sql", "CREATE ROLE app_user NOLOGIN;"),
            ("002_table.sql", "CREATE TABLE items (id int);"));
        await using var first = await fixture.BuildTemplateAsync(folder.Path);
        var canLogInDuringBuild = new List<bool>();
        var progress = new OnReport(line =>
        {
            if (line.StartsWith("migrating", StringComparison.Ordinal) && line.Contains("002_table.sql", StringComparison.Ordinal))
            {
                using var connection = new NpgsqlConnection(fixture.Server.AdminConnectionString);
                connection.Open();
                using var command = new NpgsqlCommand("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'app_user'", connection);
                canLogInDuringBuild.Add((bool)command.ExecuteScalar()!);
            }
        });

        await using var second = await fixture.BuildTemplateAsync(folder.Path, b => b.WithProgress(progress));

        Assert.Equal([true], canLogInDuringBuild);
    }

    [Fact]
    public async Task A_redefined_role_takes_the_attributes_of_the_latest_migration()
    {
        var role = "tg_app_" + Guid.NewGuid().ToString("N")[..8];
        using var first = MigrationsFolder.Create(("001_role.sql", $"CREATE ROLE {role} CREATEDB;"));
        using var second = MigrationsFolder.Create(("001_role.sql", $"CREATE ROLE {role} LOGIN;"));

        await using var firstTemplate = await fixture.BuildTemplateAsync(first.Path, b => b.WithAppRole(role));
        await using var secondTemplate = await fixture.BuildTemplateAsync(second.Path, b => b.WithAppRole(role));
        await using var database = await secondTemplate.CreateDatabaseAsync();

        await using var command = database.Server.AdminDataSource.CreateCommand(
            "SELECT rolcreatedb FROM pg_roles WHERE rolname = $1");
        command.Parameters.AddWithValue(role);
        Assert.Equal(false, await command.ExecuteScalarAsync());
    }

    private static async Task<(bool CanLogIn, bool Superuser, bool BypassRls)> RoleAsync(TenantDatabase database, string role)
    {
        await using var command = database.Server.AdminDataSource.CreateCommand(
            "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1");
        command.Parameters.AddWithValue(role);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"role {role} does not exist");
        return (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
    }

    private sealed class OnReport(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
