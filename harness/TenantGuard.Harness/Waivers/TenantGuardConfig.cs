using TenantGuard.Harness.Migrations;

namespace TenantGuard.Harness.Waivers;

/// <summary>What tenantguard.json says: tables that are tenant-owned without the tenant column, accepted findings,
/// and the run's settings, each null when the file leaves it to the caller (an explicit option or the default).
/// Paths are absolute, resolved from the file's folder.</summary>
public sealed record TenantGuardConfig(IReadOnlyList<Waiver> Waivers, IReadOnlyList<string> TenantTables)
{
    public static readonly TenantGuardConfig Empty = new([], []);

    /// <summary>The file this was read from; null for <see cref="Empty"/>.</summary>
    public string? Path { get; init; }

    /// <summary>The migrations folder or script, for a file that lives elsewhere (the repository root, where the test
    /// fixture finds it); null: the file's own folder.</summary>
    public string? Migrations { get; init; }

    public MigrationLayout? Layout { get; init; }

    public string? AppRole { get; init; }

    public string? TenantColumn { get; init; }

    public string? TenantSetting { get; init; }

    public bool? MigrationsAsSuperuser { get; init; }

    /// <summary>SQL run once per synthetic tenant by the database attacks (as --seed-sql).</summary>
    public string? SeedSql { get; init; }

    /// <summary>The HTTP attack file (as --http-config): the test fixture attacks the running API it names.</summary>
    public string? Http { get; init; }
}
