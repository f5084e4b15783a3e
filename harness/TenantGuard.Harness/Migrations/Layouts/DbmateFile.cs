namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>
/// Reads a dbmate migration: <c>-- migrate:up [options]</c> sections, each up to its <c>-- migrate:down</c> (whose
/// SQL only rolls back, so it never runs here) or the next up section. The markers are SQL comments at the start of
/// a line, so a line scan finds them as dbmate does. A file dbmate would refuse is refused with the same reason.
/// </summary>
internal sealed record DbmateFile(IReadOnlyList<DbmateUpSection> UpSections, int DownSections)
{
    private const string Up = "migrate:up";
    private const string Down = "migrate:down";

    /// <summary>True when some line is a <c>-- migrate:up</c> marker.</summary>
    public static bool HasUpMarker(string text) => Lines(text).Any(l => IsMarker(l.Text, Up, out _));

    public static DbmateFile Read(string text, string displayPath)
    {
        var ups = new List<(int Start, int Line, string Options)>();
        var downs = new List<(int Start, int Line)>();
        var lastLine = 1;
        var statementBeforeUp = 0;
        foreach (var line in Lines(text))
        {
            lastLine = line.Number;
            if (IsMarker(line.Text, Up, out var options))
            {
                ups.Add((line.Start, line.Number, options));
            }
            else if (IsMarker(line.Text, Down, out _))
            {
                if (ups.Count == 0)
                    throw Refused(displayPath, line.Number, "'-- migrate:down' comes before any '-- migrate:up'. Put the up section first");
                if (downs.Count > 0 && downs[^1].Start > ups[^1].Start)
                    throw Refused(displayPath, line.Number, "a second '-- migrate:down' without a '-- migrate:up' before it");
                downs.Add((line.Start, line.Number));
            }
            else if (ups.Count == 0 && statementBeforeUp == 0 && !IsBlankOrComment(line.Text))
            {
                statementBeforeUp = line.Number;
            }
        }

        if (ups.Count == 0)
            throw new HarnessException($"{displayPath}: no '-- migrate:up' line. A dbmate migration starts its SQL with '-- migrate:up' " +
                                       "and ends it at '-- migrate:down'; add the line, or pass the layout the folder has (--layout).");
        if (statementBeforeUp > 0)
            throw Refused(displayPath, statementBeforeUp, "SQL before the first '-- migrate:up', which dbmate never runs. Move it into an up section");

        // A trailing newline does not start another line.
        var textLastLine = text.EndsWith('\n') && lastLine > 1 ? lastLine - 1 : lastLine;
        var sections = new List<DbmateUpSection>();
        for (var i = 0; i < ups.Count; i++)
        {
            var (start, line, options) = ups[i];
            // The section ends at its down marker, else at the next up marker, else at the end of the file.
            var ends = downs.Where(d => d.Start > start).Concat(ups.Skip(i + 1).Select(u => (u.Start, u.Line))).ToList();
            var end = ends.Count == 0 ? (Start: text.Length, Line: textLastLine + 1) : ends.MinBy(e => e.Start);
            sections.Add(new DbmateUpSection(start, end.Start, line, end.Line - 1, !TransactionDisabled(options)));
        }

        return new DbmateFile(sections, downs.Count);
    }

    private static HarnessException Refused(string displayPath, int line, string reason) =>
        new($"{displayPath}:{line}: {reason}; dbmate refuses such a file.");

    /// <summary>"-- migrate:up", "--migrate:up transaction:false": two dashes, optional spaces, the word, then the
    /// end of the line or a space and the options.</summary>
    private static bool IsMarker(string line, string word, out string options)
    {
        options = "";
        if (!line.StartsWith("--", StringComparison.Ordinal))
            return false;
        var rest = line[2..].TrimStart();
        if (!rest.StartsWith(word, StringComparison.Ordinal))
            return false;
        rest = rest[word.Length..];
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
            return false;
        options = rest.Trim();
        return true;
    }

    /// <summary>Options are key:value words; dbmate runs the section outside a transaction for transaction:false.</summary>
    private static bool TransactionDisabled(string options) =>
        options.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(option => option.Split(':'))
            .Any(pair => pair.Length == 2 && pair[0] == "transaction" && pair[1] == "false");

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed.StartsWith("--", StringComparison.Ordinal);
    }

    private static IEnumerable<(int Start, int Number, string Text)> Lines(string text)
    {
        var start = 0;
        for (var number = 1; ; number++)
        {
            var end = text.IndexOf('\n', start);
            yield return (start, number, (end < 0 ? text[start..] : text[start..end]).TrimEnd('\r'));
            if (end < 0)
                yield break;
            start = end + 1;
        }
    }
}
