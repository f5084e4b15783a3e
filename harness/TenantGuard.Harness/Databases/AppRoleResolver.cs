using Npgsql;
using TenantGuard.Harness.Migrations;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Databases;

/// <summary>
/// Finds the application role after the migrations ran. A named role is taken as it is (created NOSUPERUSER
/// NOBYPASSRLS only when nothing created it). Otherwise it is inferred: the roles other than the tables' owners that
/// the migrations granted SELECT, INSERT, UPDATE or DELETE on a tenant table. One is the answer; several or none is a
/// question for the user, never a guess.
/// </summary>
internal static class AppRoleResolver
{
    private const string GranteesSql = """
        SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcanlogin, count(DISTINCT c.oid)::int AS tables
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL aclexplode(c.relacl) a
        JOIN pg_roles r ON r.oid = a.grantee
        WHERE c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE')
          AND a.grantee <> c.relowner
          AND r.rolname <> ALL ($2)
          AND r.rolname NOT LIKE 'pg\_%'
          AND (EXISTS (SELECT 1 FROM pg_attribute col
                       WHERE col.attrelid = c.oid AND col.attname = $1 AND col.attnum > 0 AND NOT col.attisdropped)
               OR n.nspname || '.' || c.relname = ANY ($3) OR c.relname = ANY ($3))
        GROUP BY r.rolname, r.rolsuper, r.rolbypassrls, r.rolcanlogin
        ORDER BY tables DESC, r.rolname
        """;

    /// <summary>Each table's columns, and the owners of the tables with the tenant column.</summary>
    private const string TablesSql = """
        SELECT array_agg(col.attname::text) FILTER (WHERE col.attname IS NOT NULL),
               bool_or(col.attname = $1) OR n.nspname || '.' || c.relname = ANY ($2) OR c.relname = ANY ($2),
               pg_get_userbyid(c.relowner)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute col ON col.attrelid = c.oid AND col.attnum > 0 AND NOT col.attisdropped
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        GROUP BY c.oid, n.nspname, c.relname
        """;

    /// <param name="MigrationRole">The role that ran the migrations (never the app role unless named).</param>
    /// <param name="Admin">The superuser or admin user the harness connects as.</param>
    public sealed record Request(
        string? NamedRole, string TenantColumn, IReadOnlyList<string> TenantTables, string MigrationRole, string Admin, MigrationRolePlan Roles);

    public static async Task<AppRoleResolution> ResolveAsync(
        NpgsqlDataSource admin, string databaseConnectionString, Request request, CancellationToken ct)
    {
        if (request.NamedRole is { } named)
            return await NamedAsync(admin, named, request.Roles, ct).ConfigureAwait(false);

        await using var connection = new NpgsqlConnection(databaseConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        var grantees = await GranteesAsync(connection, request, ct).ConfigureAwait(false);
        switch (grantees.Count)
        {
            case 1:
                var role = grantees[0].Name;
                return AppRoleResolution.Found(role,
                    $"{role}, inferred: the only role besides the tables' owners that the migrations grant access to tenant tables " +
                    $"({Definition(role, request.Roles)}); name another with --app-role");
            case 0:
                return AppRoleResolution.Unresolved(await NoGranteeProblemAsync(connection, request, ct).ConfigureAwait(false));
            default:
                return AppRoleResolution.Unresolved(
                    "Which role does the application connect as? The migrations grant access to the tenant tables to several roles: " +
                    string.Join(", ", grantees.Select(g => g.Describe())) + ". Pass the one your application connects as with --app-role " +
                    "(WithAppRole), and run once per role if it uses several.",
                    [.. grantees.Select(g => g.Name)]);
        }
    }

    /// <summary>No role to infer: because there is no tenant table at all (a wrong tenant column, most likely), or
    /// because only the tables' owners may use them.</summary>
    private static async Task<string> NoGranteeProblemAsync(NpgsqlConnection connection, Request request, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(TablesSql, connection);
        command.Parameters.AddWithValue(request.TenantColumn);
        command.Parameters.AddWithValue(request.TenantTables.ToArray());
        var columns = new List<string>();
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        var tables = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                tables++;
                if (!reader.IsDBNull(0))
                    columns.AddRange(reader.GetFieldValue<string[]>(0));
                if (!reader.IsDBNull(1) && reader.GetBoolean(1))
                    owners.Add(reader.GetString(2));
            }
        }

        if (owners.Count == 0)
        {
            return $"No table has a column named {request.TenantColumn} ({tables} table(s) after the migrations), so there is nothing to " +
                   $"audit.{TenantColumnHint.Describe(columns)} Pass the column that says which tenant owns a row with --tenant-column " +
                   "(WithTenantColumn), or list tenant tables in tenantguard.json (\"tenantTables\").";
        }

        var ownerHint = owners.Contains(request.MigrationRole)
            ? $" If the application connects as the role that runs the migrations (here {request.MigrationRole}, which owns the tables), pass --app-role {request.MigrationRole}."
            : $" The tenant tables are owned by {string.Join(", ", owners)}; if the application connects as the owner, pass --app-role {owners.Min}.";
        return $"Which role does the application connect as? The migrations grant no role other than the tables' owners any access to the " +
               $"tenant tables (those with a {request.TenantColumn} column), so it cannot be inferred.{ownerHint} Otherwise pass the role " +
               "your application connects as with --app-role (WithAppRole).";
    }

    private static async Task<AppRoleResolution> NamedAsync(NpgsqlDataSource admin, string role, MigrationRolePlan roles, CancellationToken ct)
    {
        await using var exists = admin.CreateCommand("SELECT 1 FROM pg_roles WHERE rolname = $1");
        exists.Parameters.AddWithValue(role);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
            return AppRoleResolution.Found(role, $"{role}, named; {Definition(role, roles)}");

        await RoleProvisioner.ExecuteAsync(admin,
            $"CREATE ROLE {SqlQuoting.QuoteIdentifier(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS", ct).ConfigureAwait(false);
        return AppRoleResolution.Found(role,
            $"{role}, named; the migrations neither create it nor grant it anything, so it was created after them as NOSUPERUSER NOBYPASSRLS");
    }

    /// <summary>Where the role's attributes come from: the migrations, or an assumption the user should check.</summary>
    private static string Definition(string role, MigrationRolePlan roles) =>
        roles.CreatedAt(role) is { } location
            ? $"defined by the migrations at {location}"
            : "the migrations do not create it, so it was created before them as NOSUPERUSER NOBYPASSRLS: check that production defines it so";

    private sealed record Grantee(string Name, bool Superuser, bool BypassRls, bool CanLogin, int Tables)
    {
        public string Describe()
        {
            var attributes = new List<string>();
            if (Superuser)
                attributes.Add("SUPERUSER");
            if (BypassRls)
                attributes.Add("BYPASSRLS");
            if (CanLogin)
                attributes.Add("LOGIN");
            attributes.Add($"{Tables} tenant table(s)");
            return $"{Name} ({string.Join(", ", attributes)})";
        }
    }

    private static async Task<List<Grantee>> GranteesAsync(NpgsqlConnection connection, Request request, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(GranteesSql, connection);
        command.Parameters.AddWithValue(request.TenantColumn);
        command.Parameters.AddWithValue(new[] { request.MigrationRole, request.Admin });
        command.Parameters.AddWithValue(request.TenantTables.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var grantees = new List<Grantee>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            grantees.Add(new Grantee(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetInt32(4)));
        return grantees;
    }
}
