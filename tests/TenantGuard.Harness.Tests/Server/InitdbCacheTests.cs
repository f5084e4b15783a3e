using TenantGuard.Harness.Server;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Server;

/// <summary>A damaged initdb cache entry (a tmp cleaner removed a file, something edited one) is noticed and rebuilt:
/// the next server starts anyway, and so do two runs that find the damage at the same time.</summary>
public sealed class InitdbCacheTests : IDisposable
{
    /// <summary>A cache of its own, so the damage done here never reaches other tests' servers.</summary>
    private readonly string _root = EmbeddedServerTests.NewRoot();

    private string CacheRoot => Path.Combine(_root, "cache");

    private string ServerRoot => Path.Combine(_root, "servers");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Each damage, and whether the check before the copy sees it or only the failed start does.</summary>
    public static TheoryData<string, bool> Damages => new()
    {
        { "remove global/pg_control", true },
        { "remove the password file", true },
        { "remove the marker", true },
        { "garble PG_VERSION", false },
        { "change the password file", false },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_entry_is_rebuilt_and_the_server_starts(string damage, bool seenBeforeTheCopy)
    {
        var entry = await FillCacheAsync();
        var before = InitdbCacheEntry.Read(entry);
        Damage(entry, damage);

        var progress = new List<string>();
        await using (var server = await StartAsync(progress))
        {
            Assert.Equal(1, await ScalarAsync(server));
        }

        var after = InitdbCacheEntry.Read(entry);
        Assert.True(after.IsComplete, string.Join('\n', progress));
        Assert.NotEqual(before.BuildId, after.BuildId);
        Assert.Contains(progress, line => line.Contains("is damaged; rebuilding it", StringComparison.Ordinal));
        Assert.Equal(!seenBeforeTheCopy, progress.Any(line => line.StartsWith("the server did not start from the cached cluster", StringComparison.Ordinal)));
        Assert.Equal([Path.GetFileName(entry), Path.GetFileName(entry) + ".lock"], CacheListing());
    }

    [Fact]
    public async Task An_intact_entry_is_reused()
    {
        var entry = await FillCacheAsync();
        var before = InitdbCacheEntry.Read(entry);

        var progress = new List<string>();
        await using (await StartAsync(progress))
        {
        }

        Assert.Equal(before.BuildId, InitdbCacheEntry.Read(entry).BuildId);
        Assert.DoesNotContain(progress, line => line.Contains("initdb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_runs_that_find_the_same_damage_both_start_and_one_rebuild_is_left()
    {
        var entry = await FillCacheAsync();
        var before = InitdbCacheEntry.Read(entry);
        Damage(entry, "remove global/pg_control");

        var servers = await Task.WhenAll(StartAsync([]), StartAsync([]), StartAsync([]));
        try
        {
            foreach (var server in servers)
                Assert.Equal(1, await ScalarAsync(server));
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }

        var after = InitdbCacheEntry.Read(entry);
        Assert.True(after.IsComplete);
        Assert.NotEqual(before.BuildId, after.BuildId);
        Assert.Equal([Path.GetFileName(entry), Path.GetFileName(entry) + ".lock"], CacheListing());
    }

    /// <summary>Starts and stops one server, which fills the cache; returns the entry's directory.</summary>
    private async Task<string> FillCacheAsync()
    {
        await using (await StartAsync([]))
        {
        }

        var entry = Assert.Single(Directory.GetDirectories(Path.Combine(CacheRoot, InitdbCache.DirectoryName)));
        Assert.True(InitdbCacheEntry.Read(entry).IsComplete);
        return entry;
    }

    private async Task<PostgresServer> StartAsync(List<string> progress)
    {
        var binDirectory = Environment.GetEnvironmentVariable(PostgresBinaries.EnvironmentVariable) is { Length: > 0 } named
            ? named
            : PostgresBinaries.Locate(out _) ?? throw new InvalidOperationException("no PostgreSQL binaries");
        return await EmbeddedPostgresServer.StartAsync(binDirectory, ServerRoot, CacheRoot, null, new Dictionary<string, string>(),
            new SynchronousProgress(progress), CancellationToken.None);
    }

    private static void Damage(string entry, string damage)
    {
        switch (damage)
        {
            case "remove global/pg_control":
                File.Delete(Path.Combine(entry, "data", "global", "pg_control"));
                break;
            case "remove the password file":
                File.Delete(Path.Combine(entry, "superuser.password"));
                break;
            case "remove the marker":
                File.Delete(Path.Combine(entry, "complete"));
                break;
            case "garble PG_VERSION": // passes the check (the file is there); the server refuses to start
                File.WriteAllText(Path.Combine(entry, "data", "PG_VERSION"), "7\n");
                break;
            case "change the password file": // passes the check; the server refuses the harness's connection
                File.WriteAllText(Path.Combine(entry, "superuser.password"), "not-the-password\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    /// <summary>What the cache directory holds: no half-built or replaced entries may be left behind.</summary>
    private string[] CacheListing() =>
        Directory.GetFileSystemEntries(Path.Combine(CacheRoot, InitdbCache.DirectoryName)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static async Task<int> ScalarAsync(PostgresServer server)
    {
        await using var connection = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
