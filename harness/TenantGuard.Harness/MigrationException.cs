namespace TenantGuard.Harness;

/// <summary>
/// A migration file that the server rejected (or that cannot be run without psql), located by file, line and column:
/// <c>migrations/003_rls.sql:14:5: 42601 syntax error at or near "TABL"</c>.
/// </summary>
public sealed class MigrationException : HarnessException
{
    public MigrationException(string file, int? line, int? column, string serverMessage, Exception? innerException = null)
        : base(Format(file, line, column, serverMessage), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        ServerMessage = serverMessage;
    }

    /// <summary>The migration file, relative to the current directory when it lies below it.</summary>
    public string File { get; }

    /// <summary>1-based line in <see cref="File"/>, when the failure can be located.</summary>
    public int? Line { get; }

    /// <summary>1-based column (in characters) in <see cref="File"/>, when the server reported a position.</summary>
    public int? Column { get; }

    /// <summary>The server's message (SQLSTATE, text, detail and hint), or the harness's own reason.</summary>
    public string ServerMessage { get; }

    private static string Format(string file, int? line, int? column, string serverMessage)
    {
        var location = file;
        if (line is { } l)
        {
            location += $":{l}";
            if (column is { } c)
            {
                location += $":{c}";
            }
        }

        return $"{location}: {serverMessage}";
    }
}
