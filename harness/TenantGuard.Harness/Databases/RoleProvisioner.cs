using Npgsql;
using TenantGuard.Harness.Server;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Databases;

/// <summary>
/// Creates the roles a tenant database needs before its migrations, through the admin connection. Roles are server-wide, so each
/// step tolerates the role being there already (an earlier template, a parallel build, an earlier run).
/// </summary>
internal static class RoleProvisioner
{
    /// <summary>
    /// The owner runs the migrations and owns the database, like a production migration user: no superuser, no
    /// BYPASSRLS, but CREATEROLE so migrations may create the roles they grant to. Its password is (re)set only when
    /// <paramref name="setPassword"/> says the role is the harness's own.
    /// </summary>
    public static async Task EnsureOwnerAsync(PostgresServer server, string owner, string? password, bool setPassword,
        CancellationToken ct)
    {
        var quoted = SqlQuoting.QuoteIdentifier(owner);
        var withPassword = password is null ? "" : $" PASSWORD {SqlQuoting.QuoteLiteral(password)}";
        var created = await CreateIfMissingAsync(server, owner,
            $"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE{withPassword}", ct).ConfigureAwait(false);
        if (!created && setPassword && password is not null)
        {
            await ExecuteAsync(server.AdminDataSource, $"ALTER ROLE {quoted}{withPassword}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Before the migrations: the roles they grant to without creating them exist, as plain roles (NOLOGIN NOSUPERUSER
    /// NOBYPASSRLS), since in production someone made them before the migrations ran. Returns the roles created here.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureExternalRolesAsync(PostgresServer server, IEnumerable<string> roles,
        string owner, CancellationToken ct)
    {
        var created = new List<string>();
        foreach (var role in roles.Where(r => r != owner))
        {
            if (!await CreateIfMissingAsync(server, role, $"CREATE ROLE {SqlQuoting.QuoteIdentifier(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS", ct)
                    .ConfigureAwait(false))
                continue;
            created.Add(role);
            if (server.ServerVersion.Major >= 16)
            {
                // From PostgreSQL 16 CREATEROLE only covers roles one administers: let the migration role ALTER or GRANT
                // the role as a migration user that made it would, without inheriting its privileges or acting as it.
                await ExecuteAsync(server.AdminDataSource,
                    $"GRANT {SqlQuoting.QuoteIdentifier(role)} TO {SqlQuoting.QuoteIdentifier(owner)} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE",
                    ct).ConfigureAwait(false);
            }
        }

        return created;
    }

    /// <summary>Creates the role unless it exists; true when this call created it.</summary>
    public static async Task<bool> CreateIfMissingAsync(PostgresServer server, string role, string create, CancellationToken ct)
    {
        await using var exists = server.AdminDataSource.CreateCommand("SELECT 1 FROM pg_roles WHERE rolname = $1");
        exists.Parameters.AddWithValue(role);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await CreateAsync(server, role, create, ct).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            return false; // a parallel build created it between the check and the CREATE
        }
        catch (PostgresException e)
        {
            throw new HarnessException($"Could not create the role {role}: {e.SqlState} {e.MessageText}. The admin " +
                                       "connection needs CREATEROLE (or superuser).", e);
        }
    }

    /// <summary>
    /// Runs a CREATE ROLE so that the admin can use and remove the role afterwards, and tags it on a server the
    /// harness does not own. A superuser needs nothing more. A CREATEDB + CREATEROLE admin (a managed server's) is
    /// made a member of what it creates, as a migration user is of what it makes: it creates databases owned by the
    /// owner role (which takes SET on it from PostgreSQL 16) and ends the sessions of its logins when it drops a
    /// database. From 16 that is createrole_self_grant, on 15 a GRANT, which CREATEROLE allows there.
    /// </summary>
    public static async Task CreateAsync(PostgresServer server, string role, string create, CancellationToken ct)
    {
        await using var connection = await server.AdminDataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var selfGrant = !server.Admin.IsSuperuser;
        if (selfGrant && server.ServerVersion.Major >= 16)
            await ExecuteAsync(connection, "SET LOCAL createrole_self_grant = 'set, inherit'", ct).ConfigureAwait(false);
        await ExecuteAsync(connection, create, ct).ConfigureAwait(false);
        if (selfGrant && server.ServerVersion.Major < 16)
            await ExecuteAsync(connection, $"GRANT {SqlQuoting.QuoteIdentifier(role)} TO CURRENT_USER", ct).ConfigureAwait(false);
        if (server.SharedRun is { } run)
            await run.TagRoleAsync(connection, role, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    internal static async Task ExecuteAsync(NpgsqlDataSource admin, string sql, CancellationToken ct)
    {
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
