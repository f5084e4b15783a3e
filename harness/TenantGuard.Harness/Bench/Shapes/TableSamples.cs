using Npgsql;
using TenantGuard.Harness.Attacks.Seeding;

namespace TenantGuard.Harness.Bench.Shapes;

/// <summary>Rows of a few ordinary tenants per table, read once after seeding: what the requests look up, join from and
/// copy foreign keys from. The whale is left out, so a ratio is what a typical tenant pays.</summary>
internal sealed class TableSamples
{
    public const int RowsPerTenant = 8;

    private readonly Dictionary<string, List<(string Tenant, SeededRow Row)>> _rows = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Tenant, SeededRow Row)> Of(SeedTable table) => _rows.GetValueOrDefault(table.QualifiedName) ?? [];

    public static async Task<TableSamples> ReadAsync(NpgsqlConnection admin, IEnumerable<SeedTable> tables, string tenantColumn,
        IReadOnlyList<string> tenants, CancellationToken ct)
    {
        var samples = new TableSamples();
        foreach (var table in tables)
        {
            var column = table.Column(tenantColumn)!;
            var rows = new List<(string, SeededRow)>();
            foreach (var tenant in tenants)
            {
                var read = await TenantSeeder.ReadRowsAsync(admin, table, tenantColumn, SqlText.Literal(tenant, column.SqlType), RowsPerTenant, ct)
                    .ConfigureAwait(false);
                rows.AddRange(read.Select(r => (tenant, r)));
            }

            // Interleave tenants: request n is for tenant n mod T.
            samples._rows[table.QualifiedName] = rows
                .GroupBy(r => r.Item1)
                .SelectMany(g => g.Select((row, rank) => (row, rank)))
                .OrderBy(x => x.rank).Select(x => x.row).ToList();
        }

        return samples;
    }
}
