using System.Globalization;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Bench.Queries;

/// <summary>
/// Reads a --queries file: each query starts with a line <c>-- name: some-name</c>, followed by one SQL statement
/// (the semicolon is optional) that names the tenant as <c>:tenant</c>. The SQL is read with the repository's SQL
/// reader (strings, comments and dollar quotes are never mistaken for a placeholder). Anything else is an error that
/// names the file and line.
/// </summary>
public static class TeamQueryFile
{
    private const string NameMarker = "-- name:";

    public static IReadOnlyList<TeamQuery> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"{path}: cannot read the queries file ({e.Message}).");
        }

        var queries = new List<TeamQuery>();
        var blocks = new List<(string Name, int Line, int FirstBodyLine)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith(NameMarker, StringComparison.Ordinal))
                blocks.Add((line[NameMarker.Length..].Trim(), i + 1, i + 1));
            else if (blocks.Count == 0 && line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal))
                throw Error(path, i + 1, "SQL before the first '-- name: …' line; start each query with a line such as '-- name: open-tasks'.");
        }

        if (blocks.Count == 0)
            throw Error(path, 1, "no query found; start each query with a line such as '-- name: open-tasks' followed by its SQL.");

        for (var b = 0; b < blocks.Count; b++)
        {
            var (name, line, first) = blocks[b];
            var end = b + 1 < blocks.Count ? blocks[b + 1].Line - 1 : lines.Length;
            if (!IsName(name))
                throw Error(path, line, $"'{name}' is not a query name; use letters, digits, '-' and '_' (e.g. open-tasks).");
            if (queries.Any(q => q.Name == name))
                throw Error(path, line, $"a second query named '{name}'; names must be unique.");
            queries.Add(ReadQuery(path, name, line, string.Join('\n', lines[first..end]), first));
        }

        return queries;
    }

    private static TeamQuery ReadQuery(string path, string name, int line, string body, int bodyStartLine)
    {
        var script = SqlScript.Read(body);
        if (script.Problems.Count > 0)
            throw Error(path, bodyStartLine + script.Problems[0].Line, $"query '{name}': {script.Problems[0].Message}.");
        if (script.Statements.Count == 0)
            throw Error(path, line, $"query '{name}' has no SQL.");
        if (script.Statements.Count > 1)
            throw Error(path, bodyStartLine + script.Statements[1].Line, $"query '{name}' holds a second statement; give each its own '-- name:' line.");

        var statement = script.Statements[0];
        var offsets = new List<int>();
        foreach (var word in statement.Words.Where(w => w.Kind == SqlWordKind.Other))
        {
            if (!string.Equals(word.Text, TeamQuery.Placeholder, StringComparison.OrdinalIgnoreCase))
                throw Error(path, bodyStartLine + 1 + LineOf(body, word.Offset), $"query '{name}' uses {word.Text}; the only placeholder is {TeamQuery.Placeholder}.");
            offsets.Add(word.Offset - statement.Offset);
        }

        if (offsets.Count == 0)
            throw Error(path, line, $"query '{name}' never uses {TeamQuery.Placeholder}; name the tenant (e.g. WHERE tenant_id = :tenant) so the " +
                                    "baseline without RLS reads the same rows.");
        return new TeamQuery(name, $"{path}:{line.ToString(CultureInfo.InvariantCulture)}", statement.Text, offsets);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static int LineOf(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');

    private static HarnessException Error(string path, int line, string message) =>
        new($"{path}:{line.ToString(CultureInfo.InvariantCulture)}: {message}");
}
