using Npgsql;

namespace TenantGuard.Harness.Databases;

/// <summary>
/// Creates the two roles a tenant database needs, through the admin connection. Roles are server-wide, so each
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
        var quoted = SqlIdentifier.Quote(owner);
        var withPassword = password is null ? "" : $" PASSWORD {SqlIdentifier.Literal(password)}";
        var created = await CreateIfMissingAsync(admin, owner,
            $"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE{withPassword}", ct).ConfigureAwait(false);
        if (!created && setPassword && password is not null)
        {
            await ExecuteAsync(admin, $"ALTER ROLE {quoted}{withPassword}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Before the migrations: the application role exists (LOGIN NOSUPERUSER NOBYPASSRLS) so their GRANTs to it work.
    /// When the migrations create it themselves, their definition replaces this one.
    /// </summary>
    public static async Task EnsureAppRoleAsync(NpgsqlDataSource admin, Version serverVersion, string appRole, string password,
        string owner, CancellationToken ct)
    {
        _ = await CreateIfMissingAsync(admin, appRole,
            $"CREATE ROLE {SqlIdentifier.Quote(appRole)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD {SqlIdentifier.Literal(password)}",
            ct).ConfigureAwait(false);
        if (serverVersion.Major >= 16)
        {
            // From PostgreSQL 16 CREATEROLE only covers roles one administers: let the owner redefine the app role
            // (a CREATE ROLE app_user in the migrations), without inheriting its privileges or acting as it.
            await ExecuteAsync(admin,
                $"GRANT {SqlIdentifier.Quote(appRole)} TO {SqlIdentifier.Quote(owner)} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE",
                ct).ConfigureAwait(false);
        }
    }

    /// <summary>After the migrations: a role they created without LOGIN gets LOGIN and a password, so the checks can connect.</summary>
    public static async Task EnsureAppRoleCanLogInAsync(NpgsqlDataSource admin, string appRole, string password,
        CancellationToken ct)
    {
        await using var command = admin.CreateCommand("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1");
        command.Parameters.AddWithValue(appRole);
        var canLogIn = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        if (canLogIn is false)
        {
            await ExecuteAsync(admin,
                $"ALTER ROLE {SqlIdentifier.Quote(appRole)} LOGIN PASSWORD {SqlIdentifier.Literal(password)}", ct).ConfigureAwait(false);
        }
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
