namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>The kinds of file the synthetic project is made of, clean and violating, with their share of the files.</summary>
public enum FileKind
{
    CleanDapperRepository,
    CleanNpgsqlStore,
    CleanEfQueries,
    Service,
    UnfilteredQuery,       // TG0002
    TenantInPlainField,    // TG0001
    HardCodedTenant,       // TG0003
    SessionScopedSetting,  // TG0004
}

internal static class FileKinds
{
    /// <summary>Out of every 20 files: 10 clean data access, 6 services, 1 of each violation.</summary>
    public static IReadOnlyList<(FileKind Kind, int Share)> Mix { get; } =
    [
        (FileKind.CleanDapperRepository, 5),
        (FileKind.CleanNpgsqlStore, 3),
        (FileKind.CleanEfQueries, 2),
        (FileKind.Service, 6),
        (FileKind.UnfilteredQuery, 1),
        (FileKind.TenantInPlainField, 1),
        (FileKind.HardCodedTenant, 1),
        (FileKind.SessionScopedSetting, 1),
    ];
}
