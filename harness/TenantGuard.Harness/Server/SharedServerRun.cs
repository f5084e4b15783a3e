using Npgsql;
using TenantGuard.Harness.Databases;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Server;

/// <summary>
/// A run on a server the harness does not own (<c>--connection</c>): a session that holds an advisory lock while the
/// run is alive, a <see cref="RunTag"/> on every database and role the run creates, and their removal when it ends.
/// A run killed before it could clean up holds no lock any more, so the next run against the server finds its tags
/// and removes what they mark.
/// </summary>
internal sealed class SharedServerRun : IAsyncDisposable
{
    private readonly NpgsqlConnection _session;
    private readonly IProgress<string>? _progress;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly List<string> _migrationRoles = [];

    private SharedServerRun(NpgsqlConnection session, RunTag tag, IProgress<string>? progress)
    {
        _session = session;
        Tag = tag;
        _progress = progress;
    }

    public RunTag Tag { get; }

    /// <summary>This run's owner role (created by the first template build, dropped at the end).</summary>
    public string OwnerRole => OwnerRoles.ForRun(Tag);

    /// <summary>Takes the run's lock, then removes what killed runs left on the server.</summary>
    public static async Task<SharedServerRun> StartAsync(string adminConnectionString, IProgress<string>? progress, CancellationToken ct)
    {
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Pooling = false, ApplicationName = "tenantguard",
        }.ConnectionString);
        await session.OpenAsync(ct).ConfigureAwait(false);
        var tag = RunTag.New();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock($1)", session))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = tag.Key });
            await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var run = new SharedServerRun(session, tag, progress);
        foreach (var dead in await RunLeftovers.DeadRunsAsync(session, ct).ConfigureAwait(false))
        {
            var removal = await RunLeftovers.RemoveAsync(session, dead, ct).ConfigureAwait(false);
            if (!removal.IsEmpty)
                progress?.Report($"removed what an earlier, killed run ({dead:x16}) left on the server: {removal.Describe()}");
        }

        return run;
    }

    /// <summary>Tags a role this run created, so it is removed at the end (or by the next run).</summary>
    public async Task TagRoleAsync(NpgsqlConnection admin, string role, CancellationToken ct)
    {
        lock (_gate)
            _roles.Add(role);
        await CommentAsync(admin, $"ROLE {SqlQuoting.QuoteIdentifier(role)}", Tag.Text, ct).ConfigureAwait(false);
    }

    public async Task TagDatabaseAsync(NpgsqlDataSource admin, string database, CancellationToken ct)
    {
        await using var connection = await admin.OpenConnectionAsync(ct).ConfigureAwait(false);
        await CommentAsync(connection, $"DATABASE {SqlQuoting.QuoteIdentifier(database)}", Tag.Text, ct).ConfigureAwait(false);
    }

    /// <summary>Records roles the migrations made (in the owner role's comment: theirs are the migrations' own).</summary>
    public async Task RecordMigrationRolesAsync(NpgsqlDataSource admin, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        if (roles.Count == 0)
            return;
        string[] all;
        lock (_gate)
        {
            _migrationRoles.AddRange(roles.Where(r => !_migrationRoles.Contains(r)));
            all = [.. _migrationRoles];
        }

        await using var connection = await admin.OpenConnectionAsync(ct).ConfigureAwait(false);
        await CommentAsync(connection, $"ROLE {SqlQuoting.QuoteIdentifier(OwnerRole)}", Tag.WithMigrationRoles(all), ct).ConfigureAwait(false);
    }

    /// <summary>True for a role this run created (itself or through the migrations): one it may redefine.</summary>
    public bool Created(string role)
    {
        lock (_gate)
            return _roles.Contains(role) || _migrationRoles.Contains(role);
    }

    /// <summary>Roles tagged by other runs: never counted as this run's migrations' work.</summary>
    public async Task<HashSet<string>> RolesOfOtherRunsAsync(NpgsqlDataSource admin, CancellationToken ct)
    {
        await using var command = admin.CreateCommand("""
            SELECT r.rolname FROM pg_roles r JOIN pg_shdescription d ON d.objoid = r.oid AND d.classoid = 'pg_authid'::regclass
            WHERE d.description LIKE 'tenantguard run %' AND d.description NOT LIKE $1
            """);
        command.Parameters.AddWithValue(RunTag.Prefix + Tag.Id + "%");
        return (await ServerRoles.ReadNamesAsync(command, ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var removal = await RunLeftovers.RemoveAsync(_session, Tag.Key, CancellationToken.None).ConfigureAwait(false);
            if (removal.Failures.Count > 0)
                _progress?.Report($"could not remove everything this run created ({removal.Describe()}); the next run against this server retries");
        }
        catch (NpgsqlException e)
        {
            _progress?.Report($"could not remove what this run created: {e.Message}; the next run against this server removes it");
        }
        finally
        {
            await _session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task CommentAsync(NpgsqlConnection admin, string target, string text, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"COMMENT ON {target} IS {SqlQuoting.QuoteLiteral(text)}", admin);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
