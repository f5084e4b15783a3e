using Npgsql;
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
    public static async Task EnsureOwnerAsync(NpgsqlDataSource admin, string owner, string? password, bool setPassword,
        CancellationToken ct)
    {
        var quoted = SqlQuoting.QuoteIdentifier(owner);
        var withPassword = password is null ? "" : $" PASSWORD {SqlQuoting.QuoteLiteral(password)}";
        var created = await CreateIfMissingAsync(admin, owner,
            $"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE{withPassword}", ct).ConfigureAwait(false);
        if (!created && setPassword && password is not null)
        {
            await ExecuteAsync(admin, $"ALTER ROLE {quoted}{withPassword}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Before the migrations: the roles they grant to without creating them exist, as plain roles (NOLOGIN NOSUPERUSER
    /// NOBYPASSRLS), since in production someone made them before the migrations ran. Returns the roles created here.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureExternalRolesAsync(NpgsqlDataSource admin, Version serverVersion,
        IEnumerable<string> roles, string owner, CancellationToken ct)
    {
        var created = new List<string>();
        foreach (var role in roles.Where(r => r != owner))
        {
            if (!await CreateIfMissingAsync(admin, role, $"CREATE ROLE {SqlQuoting.QuoteIdentifier(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS", ct)
                    .ConfigureAwait(false))
                continue;
            created.Add(role);
            if (serverVersion.Major >= 16)
            {
                // From PostgreSQL 16 CREATEROLE only covers roles one administers: let the migration role ALTER or GRANT
                // the role as a migration user that made it would, without inheriting its privileges or acting as it.
                await ExecuteAsync(admin,
                    $"GRANT {SqlQuoting.QuoteIdentifier(role)} TO {SqlQuoting.QuoteIdentifier(owner)} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE",
                    ct).ConfigureAwait(false);
            }
        }

        return created;
    }

    /// <summary>Creates the role unless it exists; true when this call created it.</summary>
    private static async Task<bool> CreateIfMissingAsync(NpgsqlDataSource admin, string role, string create, CancellationToken ct)
    {
        await using var exists = admin.CreateCommand("SELECT 1 FROM pg_roles WHERE rolname = $1");
        exists.Parameters.AddWithValue(role);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await ExecuteAsync(admin, create, ct).ConfigureAwait(false);
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

    internal static async Task ExecuteAsync(NpgsqlDataSource admin, string sql, CancellationToken ct)
    {
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
