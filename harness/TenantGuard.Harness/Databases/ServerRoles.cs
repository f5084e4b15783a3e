using Npgsql;

namespace TenantGuard.Harness.Databases;

/// <summary>The names of the roles on a server (roles are server-wide, shared by every database).</summary>
internal static class ServerRoles
{
    public static async Task<HashSet<string>> ReadAsync(NpgsqlDataSource admin, CancellationToken ct)
    {
        await using var command = admin.CreateCommand("SELECT rolname FROM pg_roles");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            roles.Add(reader.GetString(0));
        return roles;
    }
}
