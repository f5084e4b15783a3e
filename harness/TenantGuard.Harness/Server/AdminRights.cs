using Npgsql;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// What the admin connection's role may do. A managed server (RDS, Azure Flexible Server, Cloud SQL, Supabase) gives
/// no superuser, only CREATEDB and CREATEROLE, which is all the harness needs: it creates a database and roles, and
/// acts through the roles it creates.
/// </summary>
internal sealed record AdminRights(string Role, bool IsSuperuser, bool CanCreateDatabases, bool CanCreateRoles)
{
    public static AdminRights Superuser(string role) => new(role, true, true, true);

    public static async Task<AdminRights> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new AdminRights(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3));
    }

    /// <summary>A <see cref="HarnessException"/> naming what is missing, or null when the role can run the harness.</summary>
    public HarnessException? Shortfall(string server)
    {
        if (IsSuperuser || (CanCreateDatabases && CanCreateRoles))
            return null;
        var quoted = SqlQuoting.QuoteIdentifier(Role);
        var missing = string.Join(" and ", new[] { CanCreateDatabases ? null : "CREATEDB", CanCreateRoles ? null : "CREATEROLE" }.OfType<string>());
        return new HarnessException(
            $"The role {Role} on {server} has no {missing}. TenantGuard creates a throwaway database and the roles your migrations " +
            $"need, then removes them, so the connection's role needs CREATEDB and CREATEROLE (or superuser): ALTER ROLE {quoted} CREATEDB " +
            "CREATEROLE, or connect as the server's admin user (RDS/Aurora: the master user; Azure Flexible Server: the administrator " +
            "login; Cloud SQL: postgres; Supabase: postgres).");
    }
}
