using Npgsql;
using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Audit;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Cli;

/// <summary>
/// <c>--connection</c> as a managed server's admin: a role with CREATEDB and CREATEROLE, no superuser (RDS, Azure
/// Flexible Server, Cloud SQL, Supabase). The server is one these tests start and own, so its roles and databases can
/// be listed before and after each run.
/// </summary>
public sealed class ManagedServerTests : IAsyncLifetime
{
    private PostgresServer? _server;

    private PostgresServer Server => _server!;

    public async Task InitializeAsync() => _server = await new PostgresServerBuilder().StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Theory]
    [InlineData("tg_managed_admin", "CREATEDB CREATEROLE", "(CREATEDB, CREATEROLE)")]
    [InlineData("tg_managed_super", "SUPERUSER", "(superuser)")]
    public async Task A_check_passes_and_leaves_the_server_as_it_found_it(string role, string attributes, string described)
    {
        var admin = await CreateAdminAsync(role, attributes);
        var before = await SnapshotAsync();

        var run = await ToolProcess.RunAsync(null, "check", "--connection", admin,
            "--migrations", RepositoryFolder.Find("sample-app/TenantGuard.SampleApp/migrations"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"as {role} {described}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_admin_without_createrole_is_told_what_it_needs_and_nothing_is_created()
    {
        var admin = await CreateAdminAsync("tg_createdb_only", "CREATEDB");
        var before = await SnapshotAsync();
        using var migrations = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));

        var run = await ToolProcess.RunAsync(null, "audit", "--connection", admin, "--migrations", migrations.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("The role tg_createdb_only on", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("has no CREATEROLE", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_role_the_migrations_create_that_exists_already_is_never_altered()
    {
        var admin = await CreateAdminAsync("tg_managed_admin2", "CREATEDB CREATEROLE");
        await ExecuteAsync("CREATE ROLE tg_existing_app NOLOGIN");
        var before = await SnapshotAsync();
        using var migrations = MigrationsFolder.Create(
            ("001_roles.sql", "CREATE ROLE tg_existing_app LOGIN PASSWORD 'from-the-migrations';"),
            ("002_schema.sql", Schemas.CorrectOrders.Replace("app_user", "tg_existing_app", StringComparison.Ordinal)));

        var run = await ToolProcess.RunAsync(null, "audit", "--connection", admin, "--migrations", migrations.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("001_roles.sql:1:1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("role tg_existing_app exists on this server already, and this run did not create it", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync()); // still NOLOGIN, no password, nothing else left
    }

    [Fact]
    public async Task What_a_killed_run_left_is_removed_by_the_next_run()
    {
        var admin = await CreateAdminAsync("tg_managed_admin3", "CREATEDB CREATEROLE");
        var before = await SnapshotAsync();
        using var slow = MigrationsFolder.Create(
            ("001_roles.sql", "CREATE ROLE tg_killed_app NOLOGIN;"),
            ("002_schema.sql", Schemas.CorrectOrders.Replace("app_user", "tg_killed_app", StringComparison.Ordinal)),
            ("003_slow.sql", "SELECT pg_sleep(120);"));
        using (var killed = ToolProcess.Start(null, "check", "--connection", admin, "--migrations", slow.Path))
        {
            var stdout = killed.StandardOutput.ReadToEndAsync();
            var stderr = new List<string>();
            while (await killed.StandardError.ReadLineAsync() is { } line)
            {
                stderr.Add(line);
                if (line.StartsWith("tenantguard: migrating ", StringComparison.Ordinal) && line.Contains("003_slow.sql", StringComparison.Ordinal))
                    break;
            }

            Assert.True(stderr.Any(l => l.StartsWith("tenantguard: migrating ", StringComparison.Ordinal) && l.Contains("003_slow.sql", StringComparison.Ordinal)), string.Join('\n', stderr));
            killed.Kill(); // SIGKILL: no handler runs
            await killed.WaitForExitAsync();
            await stdout;
        }

        var left = await SnapshotAsync();
        Assert.Contains("tg_killed_app(", left.Roles, StringComparison.Ordinal);
        Assert.Contains("tenantguard_owner_", left.Roles, StringComparison.Ordinal);
        Assert.Contains("tg_template_", left.Databases, StringComparison.Ordinal);

        using var migrations = MigrationsFolder.Create(("001_schema.sql", Schemas.CorrectOrders));
        var next = await ToolProcess.RunAsync(null, "audit", "--connection", admin, "--migrations", migrations.Path);

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("removed what an earlier, killed run", next.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    private sealed record Snapshot(string Roles, string Databases)
    {
        public override string ToString() => $"roles: {Roles}\ndatabases: {Databases}";
    }

    /// <summary>Every role (with the attributes a run could change) and every database on the server.</summary>
    private async Task<Snapshot> SnapshotAsync()
    {
        await using var command = Server.AdminDataSource.CreateCommand("""
            SELECT (SELECT string_agg(format('%s(login=%s,pw=%s)', rolname, rolcanlogin, rolpassword IS NOT NULL), ', ' ORDER BY rolname)
                    FROM pg_authid WHERE rolname NOT LIKE 'pg\_%'),
                   (SELECT string_agg(datname, ', ' ORDER BY datname) FROM pg_database)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Snapshot(reader.GetString(0), reader.GetString(1));
    }

    /// <summary>A login with the given attributes and a password, as a managed server's admin; its connection string.</summary>
    private async Task<string> CreateAdminAsync(string role, string attributes)
    {
        var password = Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE ROLE {role} LOGIN {attributes} PASSWORD '{password}'");
        return new NpgsqlConnectionStringBuilder(Server.AdminConnectionString)
        {
            Username = role, Password = password, Database = "postgres", Pooling = false,
        }.ConnectionString;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Server.AdminDataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
