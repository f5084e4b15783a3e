using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Tests.Server;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void The_environment_variable_is_looked_at_first_and_an_incomplete_directory_is_passed_over()
    {
        var previous = Environment.GetEnvironmentVariable(PostgresBinaries.EnvironmentVariable);
        var nowhere = Path.Combine(Path.GetTempPath(), "tenantguard-no-binaries-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable(PostgresBinaries.EnvironmentVariable, nowhere);
        try
        {
            Assert.Equal(nowhere, PostgresBinaries.Candidates().First());

            var found = PostgresBinaries.Locate(out var searched);

            Assert.Equal(nowhere, searched[0]);
            Assert.NotEqual(nowhere, found);
            Assert.True(found is null || PostgresBinaries.IsComplete(found));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PostgresBinaries.EnvironmentVariable, previous);
        }
    }

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
