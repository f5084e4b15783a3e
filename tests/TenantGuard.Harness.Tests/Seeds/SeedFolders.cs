using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Seeds;

/// <summary>The seeds' migrations live next to these tests in the repository (tests/TenantGuard.Harness.Tests/Seeds).</summary>
internal static class SeedFolders
{
    public static string Path(string seed) => RepositoryFolder.Find($"tests/TenantGuard.Harness.Tests/Seeds/{seed}");
}
