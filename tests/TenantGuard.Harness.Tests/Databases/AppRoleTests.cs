using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Databases;

/// <summary>The app role is the one the migrations define, found from their grants or named, and the checks act as it
/// without changing it.</summary>
[Collection("postgres")]
public sealed class AppRoleTests(PostgresServerFixture fixture)
{
    private static string NewRole() => "tg_app_" + Guid.NewGuid().ToString("N")[..8];

    private static string Items(string role) =>
        $"CREATE TABLE items (tenant_id uuid NOT NULL, id int);\nGRANT SELECT, INSERT ON items TO {role};";

    [Fact]
    public async Task A_role_the_migrations_grant_to_without_creating_it_exists_before_them_as_a_plain_role()
    {
        var role = NewRole();
        using var folder = MigrationsFolder.Create(("001_table.sql", Items(role)));

        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal(role, database.AppRole);
        Assert.Equal((false, false, false), await AttributesAsync(role));
        Assert.Contains("inferred", database.AppRoleOrigin);
        Assert.Contains("the migrations do not create it", database.AppRoleOrigin);
        Assert.Equal($"{role}:0", await ScalarAsync(database, "SELECT current_user || ':' || count(*) FROM items"));
    }

    [Fact]
    public async Task A_role_created_in_a_guarded_do_block_keeps_the_attributes_the_migrations_give_it()
    {
        var role = NewRole();
        using var folder = MigrationsFolder.Create(("001_roles.sql", $"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN BYPASSRLS;
                END IF;
            END
            $$;
            {Items(role)}
            """));

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithMigrationsAsSuperuser());
        await using var database = await template.CreateDatabaseAsync();

        Assert.Equal((false, false, true), await AttributesAsync(role));
        Assert.Contains("defined by the migrations at", database.AppRoleOrigin);
        // The checks act as the role itself: its BYPASSRLS is in effect for them.
        Assert.Equal("on", await ScalarAsync(database, "SELECT CASE WHEN rolbypassrls THEN 'on' ELSE 'off' END FROM pg_roles WHERE rolname = current_user"));
    }

    [Fact]
    public async Task Acting_as_the_app_role_survives_reset_role_and_discard_all()
    {
        var role = NewRole();
        using var folder = MigrationsFolder.Create(("001_table.sql", Items(role)));
        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        await using var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        foreach (var reset in new[] { "RESET ROLE", "DISCARD ALL", "RESET ALL" })
        {
            await using var command = new NpgsqlCommand($"{reset}; SELECT current_user", connection);
            Assert.Equal(role, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Several_roles_granted_access_is_a_question_listing_them()
    {
        var (reader, writer) = (NewRole(), NewRole());
        using var folder = MigrationsFolder.Create(("001_table.sql", Items(reader) + $"\nGRANT SELECT ON items TO {writer};"));
        await using var template = await fixture.BuildTemplateAsync(folder.Path);

        var error = Assert.Throws<HarnessException>(() => template.AppRole);

        Assert.Contains("Which role does the application connect as?", error.Message);
        Assert.Contains($"{reader} (", error.Message);
        Assert.Contains($"{writer} (", error.Message);
        Assert.Contains("--app-role", error.Message);
    }

    [Fact]
    public async Task No_role_granted_access_is_a_question_that_names_the_owner()
    {
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE items (tenant_id uuid NOT NULL, id int);"));
        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        await using var database = await template.CreateDatabaseAsync();

        var error = Assert.Throws<HarnessException>(() => database.AppRole);

        Assert.Contains("grant no role other than the tables' owners", error.Message);
        Assert.Contains($"--app-role {template.OwnerRole}", error.Message);
    }

    [Fact]
    public async Task A_named_role_nothing_creates_is_created_after_the_migrations_and_said_so()
    {
        var role = NewRole();
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE items (tenant_id uuid NOT NULL, id int);"));

        await using var template = await fixture.BuildTemplateAsync(folder.Path, b => b.WithAppRole(role));

        Assert.Equal(role, template.AppRole);
        Assert.Contains("created after them as NOSUPERUSER NOBYPASSRLS", template.AppRoleOrigin);
        Assert.Equal((false, false, false), await AttributesAsync(role));
    }

    [Fact]
    public async Task The_login_that_acts_as_the_app_role_is_dropped_with_the_template()
    {
        var role = NewRole();
        using var folder = MigrationsFolder.Create(("001_table.sql", Items(role)));
        var template = await fixture.BuildTemplateAsync(folder.Path);
        string login;
        await using (var database = await template.CreateDatabaseAsync())
        {
            login = new NpgsqlConnectionStringBuilder(database.AppConnectionString).Username!;
        }

        Assert.StartsWith("tg_act_", login);
        Assert.True(await RoleExistsAsync(login));
        await template.DisposeAsync();
        Assert.False(await RoleExistsAsync(login));
    }

    [Fact]
    public async Task Templates_whose_migrations_all_create_app_user_share_one_server()
    {
        const string migration = "CREATE ROLE app_user NOLOGIN;\nCREATE TABLE items (tenant_id uuid, id int);\nGRANT SELECT ON items TO app_user;";
        using var first = MigrationsFolder.Create(("001_role.sql", migration));
        using var second = MigrationsFolder.Create(("001_role.sql", migration));

        await using var firstTemplate = await fixture.BuildTemplateAsync(first.Path);
        await using var secondTemplate = await fixture.BuildTemplateAsync(second.Path);
        await using var database = await secondTemplate.CreateDatabaseAsync();

        Assert.Equal("app_user", database.AppRole);
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task A_redefined_role_takes_the_attributes_of_the_latest_migration()
    {
        var role = NewRole();
        // Attributes a CREATEROLE migration user may give on every version (from PostgreSQL 16, CREATEDB only if it has it).
        using var first = MigrationsFolder.Create(("001_role.sql", $"CREATE ROLE {role} CREATEROLE CONNECTION LIMIT 3;"));
        using var second = MigrationsFolder.Create(("001_role.sql", $"CREATE ROLE {role} LOGIN;"));

        await using var firstTemplate = await fixture.BuildTemplateAsync(first.Path, b => b.WithAppRole(role));
        await using var secondTemplate = await fixture.BuildTemplateAsync(second.Path, b => b.WithAppRole(role));

        await using var command = fixture.Server.AdminDataSource.CreateCommand(
            "SELECT rolcreaterole, rolconnlimit, rolcanlogin FROM pg_roles WHERE rolname = $1");
        command.Parameters.AddWithValue(role);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((false, -1, true), (reader.GetBoolean(0), reader.GetInt32(1), reader.GetBoolean(2)));
    }

    private static async Task<object?> ScalarAsync(TenantDatabase database, string sql)
    {
        await using var command = database.AppDataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private async Task<(bool CanLogIn, bool Superuser, bool BypassRls)> AttributesAsync(string role)
    {
        await using var command = fixture.Server.AdminDataSource.CreateCommand(
            "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1");
        command.Parameters.AddWithValue(role);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"role {role} does not exist");
        return (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
    }

    private async Task<bool> RoleExistsAsync(string role)
    {
        await using var command = fixture.Server.AdminDataSource.CreateCommand("SELECT count(*) FROM pg_roles WHERE rolname = $1");
        command.Parameters.AddWithValue(role);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
