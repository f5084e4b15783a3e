using System.Diagnostics;
using Npgsql;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Migrations;

/// <summary>
/// Applies migration files in order, each in a session of its own. Each file runs in one transaction, unless it holds
/// a statement that cannot or asks not to (then statement by statement). The first failure stops the run with a
/// <see cref="MigrationException"/> that points at the file, line and column.
/// </summary>
internal sealed class MigrationRunner
{
    /// <summary>psql meta-commands that only print or tune psql itself: skipped, since nothing depends on them.</summary>
    internal static readonly HashSet<string> HarmlessMetaCommands =
        [@"\echo", @"\qecho", @"\warn", @"\timing", @"\pset", @"\set ON_ERROR_STOP"];

    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _resetRolesAs;
    private readonly Func<string, bool> _mayRedefineRole;
    private readonly string _runAs;
    private readonly IProgress<string>? _progress;

    /// <param name="connectionString">The role that runs the migrations, on the target database.</param>
    /// <param name="resetRolesAs">
    /// Superuser connections that reset a role before a CREATE ROLE redefines it; null on servers the harness did not
    /// start, where nothing is taken away from a role the harness does not own (its password, say).
    /// </param>
    /// <param name="mayRedefineRole">
    /// Whether a CREATE ROLE for a role that exists already may be applied to it: on a server others use, only to a
    /// role this run created; a role someone else made is never altered.
    /// </param>
    /// <param name="runAs">The role name, for messages.</param>
    public MigrationRunner(string connectionString, NpgsqlDataSource? resetRolesAs, Func<string, bool> mayRedefineRole, string runAs,
        IProgress<string>? progress)
    {
        _connectionString = connectionString;
        _resetRolesAs = resetRolesAs;
        _mayRedefineRole = mayRedefineRole;
        _runAs = runAs;
        _progress = progress;
    }

    public sealed record Summary(int Files, int Statements, TimeSpan Elapsed);

    /// <param name="afterEachFile">Runs once a file is committed (the harness records the roles it made).</param>
    public async Task<Summary> ApplyAsync(IReadOnlyList<MigrationFile> files, CancellationToken ct,
        Func<CancellationToken, Task>? afterEachFile = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var statementCount = 0;
        NpgsqlConnection? session = null;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var statements = Prepare(file);
                var transactional = file.InTransaction && statements.All(s => s.Kind != StatementKind.NonTransactional);
                _progress?.Report($"migrating {file.DisplayPath}{(file.Part is null ? "" : $" ({file.Part})")} " +
                                  $"({statements.Count} statement{(statements.Count == 1 ? "" : "s")}" +
                                  $"{(transactional ? "" : ", outside a transaction")})");

                // A session per file, as migration tools run them: a SET search_path or SET ROLE in one file must not
                // reach the next, where it would change what that file does and have its errors blamed on it. Parts of
                // one file (dbmate's up sections) share the file's session.
                if (session is null || files[i - 1].FullPath != file.FullPath)
                {
                    if (session is not null)
                        await session.DisposeAsync().ConfigureAwait(false);
                    session = await OpenAsync(file, ct).ConfigureAwait(false);
                }

                await ApplyFileAsync(session, file, statements, transactional, ct).ConfigureAwait(false);
                statementCount += statements.Count;
                if (afterEachFile is not null)
                    await afterEachFile(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            if (session is not null)
                await session.DisposeAsync().ConfigureAwait(false);
        }

        return new Summary(files.Select(f => f.FullPath).Distinct().Count(), statementCount, stopwatch.Elapsed);
    }

    private async Task<NpgsqlConnection> OpenAsync(MigrationFile file, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new HarnessException($"Could not connect as {_runAs} to run the migrations ({file.DisplayPath}): {e.Message}", e);
        }
    }

    private sealed record PreparedStatement(SqlScriptStatement Statement, StatementKind Kind);

    /// <summary>Splits a file and rejects what cannot run over a plain connection, before anything is sent.</summary>
    private static List<PreparedStatement> Prepare(MigrationFile file)
    {
        var split = SqlScript.Read(file.Text);
        foreach (var meta in split.MetaCommands)
        {
            if (!HarmlessMetaCommands.Any(h => meta.Text.StartsWith(h, StringComparison.Ordinal)))
            {
                throw Located(file, meta.Offset,
                    $"psql meta-command {meta.Name} cannot run: migrations are applied over a database connection, not " +
                    $"through psql. Replace it with SQL (only {string.Join(", ", HarmlessMetaCommands)} are skipped).");
            }
        }

        var prepared = new List<PreparedStatement>();
        foreach (var statement in split.Statements)
        {
            var kind = StatementClassifier.Classify(statement);
            switch (kind)
            {
                case StatementKind.TransactionControl:
                    continue; // each file already runs in its own transaction (or, outside one, autocommits)
                case StatementKind.Rollback:
                    throw Located(file, statement.Offset,
                        "ROLLBACK in a migration would discard the file's work; remove it (each file runs in its own transaction).");
                case StatementKind.CopyFromStdin:
                    throw Located(file, statement.Offset,
                        "COPY … FROM STDIN needs psql to stream the data; use INSERT statements instead.");
                default:
                    prepared.Add(new PreparedStatement(statement, kind));
                    break;
            }
        }

        return prepared;
    }

    /// <summary>Statements sent per round trip inside a file's transaction: enough to make round trips negligible,
    /// few enough that the server's replies never fill the socket while the batch is still being written.</summary>
    private const int StatementsPerBatch = 100;

    private async Task ApplyFileAsync(NpgsqlConnection connection, MigrationFile file, List<PreparedStatement> statements,
        bool transactional, CancellationToken ct)
    {
        await using var transaction = transactional ? await connection.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        // Inside the file's transaction, consecutive statements go in batches: the server runs them one after the other
        // as it would one by one, and the first error stops the file either way. Outside a transaction each statement
        // commits on its own, as psql would run it; a CREATE ROLE may need its own savepoint and retry.
        foreach (var group in Groups(statements, transactional))
        {
            try
            {
                if (group.Count == 1 && group[0].Kind == StatementKind.CreateRole)
                {
                    await CreateRoleAsync(connection, file, group[0].Statement, transactional, ct).ConfigureAwait(false);
                }
                else
                {
                    await ExecuteAsync(connection, group.Select(p => p.Statement.Text), ct).ConfigureAwait(false);
                }
            }
            catch (BatchStatementException e)
            {
                throw ServerError(file, group[e.Index].Statement, e.Error);
            }
            catch (PostgresException e)
            {
                throw ServerError(file, group[0].Statement, e);
            }
            catch (NpgsqlException e) when (e is not PostgresException)
            {
                throw new HarnessException($"{file.DisplayPath}: the connection failed while migrating: {e.Message}", e);
            }
        }

        if (transaction is not null)
        {
            try
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                // Deferred constraints fail at commit: the error belongs to the file, not to one statement.
                throw new MigrationException(file.DisplayPath, null, null, $"{e.SqlState} {Describe(e)} (at COMMIT)", e);
            }
        }
    }

    /// <summary>
    /// Runs CREATE ROLE; when the role exists already (roles are shared by every database on the server), resets it
    /// and applies the statement's attributes and memberships instead, so the role ends up as the migration says.
    /// </summary>
    private async Task CreateRoleAsync(NpgsqlConnection connection, MigrationFile file, SqlScriptStatement statement, bool inTransaction,
        CancellationToken ct)
    {
        if (inTransaction)
        {
            await ExecuteAsync(connection, "SAVEPOINT tenantguard_create_role", ct).ConfigureAwait(false);
        }

        try
        {
            await ExecuteAsync(connection, statement.Text, ct).ConfigureAwait(false);
            if (inTransaction)
            {
                await ExecuteAsync(connection, "RELEASE SAVEPOINT tenantguard_create_role", ct).ConfigureAwait(false);
            }

            return;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            if (inTransaction)
            {
                await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT tenantguard_create_role", ct).ConfigureAwait(false);
            }
        }

        var role = CreateRoleStatement.Parse(statement);
        if (!_mayRedefineRole(role.RoleName))
        {
            throw Located(file, statement.Offset,
                $"role {role.RoleName} exists on this server already, and this run did not create it: TenantGuard never alters a role it " +
                "did not create, and the migrations would fail here in production too. Point --connection at a server without the role " +
                "(a scratch server, or the embedded one: leave --connection out), or create it with a guarded DO block if it may exist.");
        }

        _progress?.Report($"role {role.RoleName} exists already (roles are server-wide: an earlier migration set on this server " +
                          "made it): applying this CREATE ROLE to it");
        if (_resetRolesAs is not null)
        {
            await using var admin = await _resetRolesAs.OpenConnectionAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(admin, role.ResetAttributes(), ct).ConfigureAwait(false);
        }

        // The statement's own attributes and grants run as the migration role, so privileges it lacks still fail.
        foreach (var sql in new[] { role.AlterRole }.Concat(role.Grants).OfType<string>())
        {
            await ExecuteAsync(connection, sql, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs of statements that may share a round trip; a CREATE ROLE, and every statement outside a
    /// transaction, is a run of its own.</summary>
    private static IEnumerable<List<PreparedStatement>> Groups(List<PreparedStatement> statements, bool transactional)
    {
        var group = new List<PreparedStatement>();
        foreach (var prepared in statements)
        {
            var alone = !transactional || prepared.Kind == StatementKind.CreateRole;
            if (group.Count > 0 && (alone || group.Count == StatementsPerBatch))
            {
                yield return group;
                group = [];
            }

            group.Add(prepared);
            if (alone)
            {
                yield return group;
                group = [];
            }
        }

        if (group.Count > 0)
            yield return group;
    }

    private static Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct) => ExecuteAsync(connection, [sql], ct);

    /// <summary>
    /// Sends statements exactly as written, each its own batch command. A batch command is not split on semicolons
    /// by Npgsql (a plain command is), which keeps BEGIN ATOMIC bodies whole and the server's error position relative
    /// to the statement; the failing command is the exception's BatchCommand.
    /// </summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<string> statements, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        foreach (var sql in statements)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        try
        {
            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (batch.BatchCommands.Count > 1)
        {
            // The commands the server completed know their statement type; the one that failed, and those after it, do not.
            var index = batch.BatchCommands.Cast<NpgsqlBatchCommand>().TakeWhile(c => c.StatementType != StatementType.Unknown).Count();
            throw new BatchStatementException(Math.Min(index, batch.BatchCommands.Count - 1), e);
        }
    }

    /// <summary>Which statement of a batch the server refused.</summary>
    private sealed class BatchStatementException(int index, PostgresException error) : Exception(error.Message, error)
    {
        public int Index { get; } = index;

        public PostgresException Error { get; } = error;
    }

    private MigrationException ServerError(MigrationFile file, SqlScriptStatement statement, PostgresException e)
    {
        var offset = e.Position > 0
            ? statement.Offset + TextPosition.IndexOfServerPosition(statement.Text, e.Position)
            : statement.Offset;
        var (line, column) = file.Position(offset);
        var message = $"{e.SqlState} {Describe(e)}";
        if (e.SqlState == PostgresErrorCodes.UndefinedObject && RoleNamed(e.MessageText) is { } role)
        {
            // Usually a GRANT to the role the application connects as, under another name than the one configured.
            message += $"\nThe role {role} is neither created by the migrations nor named where TenantGuard looks for the roles they " +
                       "rely on (GRANT … TO, OWNER TO, CREATE POLICY … TO, SET ROLE, ALTER ROLE), so it was not created beforehand " +
                       "(dynamic SQL?). Create it in the migrations (CREATE ROLE), as whoever runs them in production does.";
        }
        else if (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && !_runAs.EndsWith("(superuser)", StringComparison.Ordinal))
        {
            message += $"\nMigrations run as {_runAs}, a non-superuser that owns the database (as in production). If " +
                       "your migrations need a superuser (CREATE EXTENSION of an untrusted extension, BYPASSRLS roles…), " +
                       "run them as one: --migrations-as-superuser (WithMigrationsAsSuperuser()).";
        }

        return new MigrationException(file.DisplayPath, line, column, message, e);
    }

    /// <summary>The role of a 'role "x" does not exist' message, else null.</summary>
    private static string? RoleNamed(string message)
    {
        const string prefix = "role \"", suffix = "\" does not exist";
        return message.StartsWith(prefix, StringComparison.Ordinal) && message.EndsWith(suffix, StringComparison.Ordinal)
            ? message[prefix.Length..^suffix.Length]
            : null;
    }

    private static string Describe(PostgresException e)
    {
        var text = e.MessageText;
        if (!string.IsNullOrEmpty(e.Detail))
        {
            text += $"\nDETAIL: {e.Detail}";
        }

        if (!string.IsNullOrEmpty(e.Hint))
        {
            text += $"\nHINT: {e.Hint}";
        }

        return text;
    }

    private static MigrationException Located(MigrationFile file, int offset, string message)
    {
        var (line, column) = file.Position(offset);
        return new MigrationException(file.DisplayPath, line, column, message);
    }
}
