using Npgsql;

namespace TenantGuard.Harness.Databases;

/// <summary>The names of the roles on a server (roles are server-wide, shared by every database).</summary>
internal static class ServerRoles
{
    public static async Task<HashSet<string>> ReadAsync(NpgsqlDataSource admin, CancellationToken ct)
    {
        await using var command = admin.CreateCommand("SELECT rolname FROM pg_roles");
        return (await ReadNamesAsync(command, ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The first column of every row a catalog query returns (role or database names).</summary>
    public static async Task<List<string>> ReadNamesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            names.Add(reader.GetString(0));
        return names;
    }
}
