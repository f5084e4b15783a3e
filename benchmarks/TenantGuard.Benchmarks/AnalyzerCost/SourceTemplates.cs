using static TenantGuard.Benchmarks.AnalyzerCost.ProjectTables;

namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>
/// The text of one synthetic file per kind. Each violating file plants a known number of violations of exactly one
/// rule (count chosen by the generator); clean files plant none. Clean and violating code use the same libraries.
/// </summary>
internal static class SourceTemplates
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.EntityFrameworkCore;
        using Npgsql;
        using Shop.Model;
        """;

    private const string Columns = "id, tenant_id, name, created_at, amount";

    public static string CleanDapperRepository(int n, Table t) => $$"""
        {{Usings}}

        namespace Shop.Data.File{{n:0000}};

        public sealed class {{t.Entity}}Repository(NpgsqlConnection connection)
        {
            public Task<{{t.Entity}}?> GetAsync(Guid tenantId, long id) =>
                connection.QuerySingleOrDefaultAsync<{{t.Entity}}>(
                    "SELECT {{Columns}} FROM {{t.Name}} WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id });

            public Task<IEnumerable<{{t.Entity}}>> PageAsync(Guid tenantId, int limit) =>
                connection.QueryAsync<{{t.Entity}}>(
                    "SELECT {{Columns}} FROM {{t.Name}} WHERE tenant_id = @tenantId ORDER BY created_at DESC LIMIT @limit",
                    new { tenantId, limit });

            public Task<int> RenameAsync(Guid tenantId, long id, string name) =>
                connection.ExecuteAsync(
                    "UPDATE {{t.Name}} SET name = @name WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id, name });

            public Task<int> AddAsync(Guid tenantId, string name, decimal amount) =>
                connection.ExecuteAsync(
                    "INSERT INTO {{t.Name}} (tenant_id, name, amount) VALUES (@tenantId, @name, @amount)",
                    new { tenantId, name, amount });

            public Task<IEnumerable<Country>> CountriesAsync() =>
                connection.QueryAsync<Country>("SELECT code, name FROM {{GlobalTable}} ORDER BY name");
        }
        """;

    public static string CleanNpgsqlStore(int n, Table t) => $$"""
        {{Usings}}

        namespace Shop.Data.File{{n:0000}};

        public sealed class {{t.Entity}}Store(NpgsqlDataSource dataSource)
        {
            public async Task<decimal> TotalAsync(Guid tenantId)
            {
                await using var command = dataSource.CreateCommand(
                    "SELECT coalesce(sum(amount), 0) FROM {{t.Name}} WHERE tenant_id = @tenantId");
                command.Parameters.AddWithValue("tenantId", tenantId);
                return (decimal)(await command.ExecuteScalarAsync())!;
            }

            public async Task<int> DeleteAsync(Guid tenantId, long id)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand(
                    "DELETE FROM {{t.Name}} WHERE tenant_id = @tenantId AND id = @id", connection);
                command.Parameters.AddWithValue("tenantId", tenantId);
                command.Parameters.AddWithValue("id", id);
                return await command.ExecuteNonQueryAsync();
            }

            public async Task<List<string>> NamesAsync(Guid tenantId)
            {
                var names = new List<string>();
                await using var command = dataSource.CreateCommand(
                    "SELECT name FROM {{t.Name}} WHERE tenant_id = @tenantId ORDER BY name");
                command.Parameters.AddWithValue("tenantId", tenantId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }

                return names;
            }
        }
        """;

    public static string CleanEfQueries(int n, Table t) => $$"""
        {{Usings}}

        namespace Shop.Data.File{{n:0000}};

        public sealed class {{t.Entity}}Queries(ShopDbContext db, ITenantContext tenant)
        {
            public Task<List<{{t.Entity}}>> RecentAsync(int take) =>
                db.{{t.DbSet}}.Where(e => e.TenantId == tenant.CurrentTenant)
                    .OrderByDescending(e => e.CreatedAt).Take(take).ToListAsync();

            public Task<List<{{t.Entity}}>> ExpensiveAsync(Guid tenantId, decimal minimum) =>
                db.{{t.DbSet}}.FromSqlInterpolated(
                    $"SELECT {{Columns}} FROM {{t.Name}} WHERE tenant_id = {tenantId} AND amount >= {minimum}").ToListAsync();

            public Task<int> ArchiveAsync(Guid tenantId, long id) =>
                db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE {{t.Name}} SET name = name || ' (archived)' WHERE tenant_id = {tenantId} AND id = {id}");
        }
        """;

    public static string Service(int n, Table t) => $$"""
        {{Usings}}

        namespace Shop.Services.File{{n:0000}};

        public sealed record {{t.Entity}}Summary{{n}}(long Id, string Name, decimal Amount, bool IsLarge);

        public sealed class {{t.Entity}}Service
        {
            private readonly Dictionary<long, {{t.Entity}}> _cache = new();

            public IReadOnlyList<{{t.Entity}}Summary{{n}}> Summarize(IEnumerable<{{t.Entity}}> items, decimal threshold)
            {
                var summaries = new List<{{t.Entity}}Summary{{n}}>();
                foreach (var item in items.OrderBy(i => i.CreatedAt))
                {
                    _cache[item.Id] = item;
                    summaries.Add(new {{t.Entity}}Summary{{n}}(item.Id, item.Name.Trim(), Math.Round(item.Amount, 2), item.Amount >= threshold));
                }

                return summaries;
            }

            public decimal Total(IEnumerable<{{t.Entity}}Summary{{n}}> summaries) =>
                summaries.Where(s => !s.IsLarge).Sum(s => s.Amount) + summaries.Where(s => s.IsLarge).Sum(s => s.Amount * 0.98m);

            public string Describe(long id) =>
                _cache.TryGetValue(id, out var item) ? $"{item.Name} ({item.Amount:0.00}, {item.CreatedAt:yyyy-MM-dd})" : "unknown";
        }
        """;

    /// <summary>TG0002 × <paramref name="violations"/>: the method receives the tenant, the SQL forgets it.</summary>
    public static string UnfilteredQuery(int n, Table t, int violations)
    {
        var methods = string.Join("\n\n", Enumerable.Range(0, violations).Select(i => $$"""
                public Task<IEnumerable<{{t.Entity}}>> ByAmount{{i}}Async(Guid tenantId, decimal amount) =>
                    connection.QueryAsync<{{t.Entity}}>(
                        "SELECT {{Columns}} FROM {{t.Name}} WHERE amount > @amount + {{i}}", new { tenantId, amount });
            """));
        return $$"""
            {{Usings}}

            namespace Shop.Data.File{{n:0000}};

            public sealed class {{t.Entity}}ReportRepository(NpgsqlConnection connection)
            {
            {{methods}}

                public Task<{{t.Entity}}?> GetAsync(Guid tenantId, long id) =>
                    connection.QuerySingleOrDefaultAsync<{{t.Entity}}>(
                        "SELECT {{Columns}} FROM {{t.Name}} WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id });
            }
            """;
    }

    /// <summary>TG0001 × <paramref name="violations"/>: the SQL is filtered, but by a tenant kept in a plain field.</summary>
    public static string TenantInPlainField(int n, Table t, int violations)
    {
        var methods = string.Join("\n\n", Enumerable.Range(0, violations).Select(i => $$"""
                public Task<IEnumerable<{{t.Entity}}>> Named{{i}}Async(string name) =>
                    connection.QueryAsync<{{t.Entity}}>(
                        "SELECT {{Columns}} FROM {{t.Name}} WHERE tenant_id = @tenantId AND name = @name",
                        new { tenantId = _owner, name });
            """));
        return $$"""
            {{Usings}}

            namespace Shop.Data.File{{n:0000}};

            public sealed class {{t.Entity}}CachedRepository(NpgsqlConnection connection, Guid owner)
            {
                private readonly Guid _owner = owner;

            {{methods}}
            }
            """;
    }

    /// <summary>The names teams give a tenant they write into the code (one per planted TG0003, at most three).</summary>
    private static readonly string[] HardCodedTenantNames = ["DefaultTenantId", "FallbackTenantId", "SystemTenantId"];

    /// <summary>TG0003 × <paramref name="violations"/>: default tenants written into the code.</summary>
    public static string HardCodedTenant(int n, Table t, int violations)
    {
        var names = HardCodedTenantNames.Take(violations).ToList();
        var fields = string.Join("\n", names.Select((name, i) =>
            $"    private static readonly Guid {name} = Guid.Parse(\"{new Guid(n * 31 + i, 7, 11, 1, 2, 3, 4, 5, 6, 7, 8)}\");"));
        var uses = string.Join(", ", names);
        return $$"""
            {{Usings}}

            namespace Shop.Jobs.File{{n:0000}};

            public sealed class {{t.Entity}}ImportJob
            {
            {{fields}}

                public IReadOnlyList<Guid> Targets() => new[] { {{uses}} };

                public string Describe({{t.Entity}} item) => $"{item.Id}:{item.Name}";
            }
            """;
    }

    /// <summary>TG0004 × <paramref name="violations"/>: the tenant set for the whole session of a pooled connection.</summary>
    public static string SessionScopedSetting(int n, Table t, int violations)
    {
        var methods = string.Join("\n\n", Enumerable.Range(0, violations).Select(i => $$"""
                public Task<int> Enter{{i}}Async(NpgsqlConnection connection, Guid tenantId) =>
                    connection.ExecuteAsync("SELECT set_config('app.tenant_id', @value, false)", new { value = tenantId.ToString() });
            """));
        return $$"""
            {{Usings}}

            namespace Shop.Data.File{{n:0000}};

            public sealed class {{t.Entity}}SessionStore
            {
            {{methods}}
            }
            """;
    }
}
