using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// Finds and removes the databases and roles a run created on a server it does not own, by their <see cref="RunTag"/>.
/// One implementation for both ends: a run removes its own at the end, and the next run removes those of runs that
/// were killed (whose advisory lock is gone with their session).
/// </summary>
internal static class RunLeftovers
{
    /// <summary>What was removed, and what could not be (left tagged, for the next run to try again).</summary>
    public sealed record Removal(List<string> Databases, List<string> Roles, List<string> Failures)
    {
        public bool IsEmpty => Databases.Count == 0 && Roles.Count == 0 && Failures.Count == 0;

        public string Describe() =>
            string.Join("; ", new[]
            {
                Databases.Count > 0 ? $"databases {string.Join(", ", Databases)}" : null,
                Roles.Count > 0 ? $"roles {string.Join(", ", Roles)}" : null,
                Failures.Count > 0 ? $"could not remove: {string.Join("; ", Failures)}" : null,
            }.OfType<string>());
    }

    private sealed record Tagged(bool IsDatabase, string Name, long Key, string Comment);

    /// <summary>The keys of runs whose tags are on the server and whose session no longer holds its lock.</summary>
    public static async Task<IReadOnlyList<long>> DeadRunsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var keys = (await ReadTagsAsync(connection, ct).ConfigureAwait(false)).Select(t => t.Key).Distinct().ToList();
        var dead = new List<long>();
        foreach (var key in keys)
        {
            if (!await IsAliveAsync(connection, key, ct).ConfigureAwait(false))
                dead.Add(key);
        }

        return dead;
    }

    /// <summary>Drops the run's databases, the roles its migrations made, then its own roles (the owner last).</summary>
    public static async Task<Removal> RemoveAsync(NpgsqlConnection connection, long key, CancellationToken ct)
    {
        var all = await ReadTagsAsync(connection, ct).ConfigureAwait(false);
        var tagged = all.Where(t => t.Key == key).ToList();
        var taggedByOthers = all.Where(t => t.Key != key && !t.IsDatabase).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var removal = new Removal([], [], []);

        var databases = tagged.Where(t => t.IsDatabase).Select(t => t.Name)
            .Concat(await DatabasesOwnedByAsync(connection, tagged.Where(IsOwner).Select(t => t.Name), ct).ConfigureAwait(false))
            .Distinct(StringComparer.Ordinal);
        foreach (var database in databases)
        {
            // A template cannot be dropped: the run would have cleared the flag first.
            var quoted = SqlQuoting.QuoteIdentifier(database);
            await DropAsync(connection, [$"ALTER DATABASE {quoted} WITH IS_TEMPLATE false", $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"],
                database, removal.Databases, removal.Failures, ct).ConfigureAwait(false);
        }

        var roles = tagged.Where(t => !t.IsDatabase).ToList();
        var madeByMigrations = roles.SelectMany(r => RunTag.MigrationRolesIn(r.Comment))
            .Concat(await RolesCreatedByAsync(connection, roles.Where(IsOwner).Select(r => r.Name), ct).ConfigureAwait(false))
            .Where(r => !taggedByOthers.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
        // Owners last: the migrations' roles were made by them, and the logins act through them.
        var ordered = madeByMigrations
            .Concat(roles.Where(r => RunTag.MigrationRolesIn(r.Comment).Count == 0 && !IsOwner(r)).Select(r => r.Name))
            .Concat(roles.Where(IsOwner).Select(r => r.Name))
            .Distinct(StringComparer.Ordinal);
        foreach (var role in ordered)
        {
            await DropAsync(connection, [$"DROP ROLE IF EXISTS {SqlQuoting.QuoteIdentifier(role)}"], role, removal.Roles,
                removal.Failures, ct).ConfigureAwait(false);
        }

        return removal;
    }

    /// <summary>A killed run may have died between creating a database and tagging it: its owner role says whose it is.</summary>
    private static async Task<List<string>> DatabasesOwnedByAsync(NpgsqlConnection connection, IEnumerable<string> owners, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT d.datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE r.rolname = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = owners.ToArray() });
        return await ServerRoles.ReadNamesAsync(command, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// From PostgreSQL 16 a role made by a CREATEROLE role is granted to its creator WITH ADMIN OPTION by the bootstrap
    /// superuser: the trace of the roles a killed run's migrations made after it last recorded them.
    /// </summary>
    private static async Task<List<string>> RolesCreatedByAsync(NpgsqlConnection connection, IEnumerable<string> owners, CancellationToken ct)
    {
        if (connection.PostgreSqlVersion.Major < 16)
            return [];
        await using var command = new NpgsqlCommand("""
            SELECT r.rolname FROM pg_auth_members m
            JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles o ON o.oid = m.member
            WHERE o.rolname = ANY($1) AND m.admin_option AND m.grantor = 10
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = owners.ToArray() });
        return await ServerRoles.ReadNamesAsync(command, ct).ConfigureAwait(false);
    }

    private static bool IsOwner(Tagged role) => role.Name.StartsWith(OwnerRoles.SharedServerPrefix, StringComparison.Ordinal);

    /// <summary>Session-level advisory locks are visible to every role in pg_locks, whichever database they were taken in.</summary>
    public static async Task<bool> IsAliveAsync(NpgsqlConnection connection, long key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND classid::bigint = $1 AND objid::bigint = $2)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)(key >> 32) });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(uint)key });
        return (bool)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static async Task<List<Tagged>> ReadTagsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT d.classoid = 'pg_database'::regclass, coalesce(db.datname, r.rolname), d.description
            FROM pg_shdescription d
            LEFT JOIN pg_database db ON d.classoid = 'pg_database'::regclass AND db.oid = d.objoid
            LEFT JOIN pg_roles r ON d.classoid = 'pg_authid'::regclass AND r.oid = d.objoid
            WHERE d.description LIKE 'tenantguard run %' AND coalesce(db.datname, r.rolname) IS NOT NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var tags = new List<Tagged>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var comment = reader.GetString(2);
            if (RunTag.KeyOf(comment) is { } key)
                tags.Add(new Tagged(reader.GetBoolean(0), reader.GetString(1), key, comment));
        }

        return tags;
    }

    private static async Task DropAsync(NpgsqlConnection connection, string[] statements, string name, List<string> done,
        List<string> failures, CancellationToken ct)
    {
        try
        {
            foreach (var sql in statements)
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            done.Add(name);
        }
        catch (PostgresException e)
        {
            failures.Add($"{name} ({e.SqlState} {e.MessageText})");
        }
    }
}
