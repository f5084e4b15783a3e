namespace TenantGuard.Harness.Server;

/// <summary>
/// Chooses and starts a PostgreSQL server. In order: an explicit connection string, explicit Testcontainers, the
/// TENANTGUARD_CONNECTION variable (unless embedded-only options were given), the embedded server from local binaries,
/// and (when none are found) a Docker engine if one answers.
/// </summary>
public sealed class PostgresServerBuilder
{
    public const string ConnectionEnvironmentVariable = "TENANTGUARD_CONNECTION";

    private string? _binDirectory;
    private string? _connectionString;
    private bool? _testcontainers;
    private int? _port;
    private string? _temporaryRoot;
    private IProgress<string>? _progress;
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    /// <summary>Where initdb, pg_ctl and postgres live; without it they are searched for (and Docker is not a fallback).</summary>
    public PostgresServerBuilder WithBinDirectory(string path)
    {
        _binDirectory = path;
        return this;
    }

    /// <summary>Use an existing server (managed Postgres, Citus…) instead of starting one.</summary>
    public PostgresServerBuilder WithConnectionString(string connectionString)
    {
        _connectionString = connectionString;
        return this;
    }

    /// <summary>Start a container through Testcontainers (needs a Docker engine).</summary>
    public PostgresServerBuilder WithTestcontainers(bool enabled = true)
    {
        _testcontainers = enabled;
        return this;
    }

    /// <summary>A fixed port for the embedded server; by default a free one is picked.</summary>
    public PostgresServerBuilder WithPort(int port)
    {
        _port = port;
        return this;
    }

    /// <summary>Where embedded server directories are created (and orphans looked for); defaults to the temp directory.</summary>
    public PostgresServerBuilder WithTemporaryRoot(string path)
    {
        _temporaryRoot = path;
        return this;
    }

    /// <summary>An extra postgresql.conf setting for the embedded server (e.g. log_statement = all).</summary>
    public PostgresServerBuilder WithServerSetting(string name, string value)
    {
        _settings[name] = value;
        return this;
    }

    public PostgresServerBuilder WithProgress(IProgress<string> progress)
    {
        _progress = progress;
        return this;
    }

    public async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        if (_connectionString is not null)
        {
            return await ExistingPostgresServer.ConnectAsync(_connectionString, _progress, ct).ConfigureAwait(false);
        }

        if (_testcontainers == true)
        {
            return await TestcontainersPostgresServer.StartAsync(_progress, ct).ConfigureAwait(false);
        }

        if (!EmbeddedOptionsGiven && _testcontainers is null
            && Environment.GetEnvironmentVariable(ConnectionEnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return await ExistingPostgresServer.ConnectAsync(fromEnvironment, _progress, ct).ConfigureAwait(false);
        }

        var binDirectory = ResolveBinDirectory(out var searched);
        if (binDirectory is not null)
        {
            return await EmbeddedPostgresServer.StartAsync(binDirectory, _temporaryRoot ?? ServerDirectory.DefaultRoot,
                ServerDirectory.DefaultRoot, _port, _settings, _progress, ct).ConfigureAwait(false);
        }

        // No binaries: Docker is the automatic fallback, unless the user named a bin directory or turned Docker off.
        if (NamedBinDirectory is null && _testcontainers is null)
        {
            return await FallBackToDockerAsync(searched, _progress, ct).ConfigureAwait(false);
        }

        var named = _binDirectory is null && NamedBinDirectory is { } pgBin
            ? $"{PostgresBinaries.EnvironmentVariable} is set to {pgBin}, which does not hold initdb, pg_ctl and postgres. "
            : "";
        throw new HarnessException(named + MissingBinariesMessage(searched));
    }

    /// <summary>Without local binaries: a container when a Docker engine answers, else the three ways forward.</summary>
    internal static async Task<PostgresServer> FallBackToDockerAsync(IReadOnlyList<string> searched,
        IProgress<string>? progress, CancellationToken ct)
    {
        if (await DockerProbe.FindEngineAsync(ct).ConfigureAwait(false) is null)
        {
            throw new HarnessException(MissingBinariesMessage(searched));
        }

        progress?.Report("no PostgreSQL binaries found; a Docker engine answers, using Testcontainers");
        return await TestcontainersPostgresServer.StartAsync(progress, ct).ConfigureAwait(false);
    }

    /// <summary>Options that only make sense for the embedded server ask for it, over TENANTGUARD_CONNECTION.</summary>
    private bool EmbeddedOptionsGiven =>
        _binDirectory is not null || _port is not null || _temporaryRoot is not null || _settings.Count > 0;

    /// <summary>A bin directory the user named (WithBinDirectory, else TENANTGUARD_PG_BIN): used as given, never
    /// silently replaced by other binaries, so a wrong path is an error rather than a different PostgreSQL.</summary>
    private string? NamedBinDirectory =>
        _binDirectory ?? (Environment.GetEnvironmentVariable(PostgresBinaries.EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : null);

    private string? ResolveBinDirectory(out IReadOnlyList<string> searched)
    {
        if (NamedBinDirectory is { } named)
        {
            searched = [named];
            return PostgresBinaries.IsComplete(named) ? named : null;
        }

        return PostgresBinaries.Locate(out searched);
    }

    private static string MissingBinariesMessage(IReadOnlyList<string> searched)
    {
        var places = searched.Count <= 6 ? string.Join(", ", searched) : string.Join(", ", searched.Take(6)) + ", …";
        return "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found (looked in: " + places + ").\n" +
               "Choose one of:\n" +
               "  1. install them: `sudo apt-get install postgresql-15` (Debian/Ubuntu) or `brew install postgresql@16` " +
               "(macOS), or set " + PostgresBinaries.EnvironmentVariable + " to their directory;\n" +
               "  2. use an existing server: --connection \"Host=…;Username=…;Password=…\" (or " +
               ConnectionEnvironmentVariable + ");\n" +
               "  3. use Docker: start a Docker engine and pass --docker (Testcontainers).";
    }
}
