using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Tests.Server;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void A_directory_needs_initdb_pg_ctl_and_postgres()
    {
        var directory = Directory.CreateTempSubdirectory("tenantguard-bin-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "initdb"), "");
            File.WriteAllText(Path.Combine(directory, "pg_ctl"), "");
            Assert.False(PostgresBinaries.IsComplete(directory));

            File.WriteAllText(Path.Combine(directory, "postgres"), "");
            Assert.True(PostgresBinaries.IsComplete(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
