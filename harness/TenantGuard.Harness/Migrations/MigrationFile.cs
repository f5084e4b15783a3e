namespace TenantGuard.Harness.Migrations;

/// <summary>One migration as it runs.</summary>
/// <param name="FullPath">The file on disk.</param>
/// <param name="DisplayPath">The path used in messages and findings: relative to the working directory when below it.</param>
/// <param name="Name">The path inside the migrations folder, '/'-separated, for the order the progress lists.</param>
/// <param name="Text">The SQL that runs: the whole file, or only part of it (dbmate's up section).</param>
/// <param name="FirstLine">The file's line where <paramref name="Text"/> starts, so lines in messages point into the file.</param>
/// <param name="InTransaction">False when the file asks to run outside a transaction (dbmate's <c>transaction:false</c>).</param>
/// <param name="Part">Which part of the file runs, when not all of it; null for the whole file.</param>
internal sealed record MigrationFile(
    string FullPath,
    string DisplayPath,
    string Name,
    string Text,
    int FirstLine = 1,
    bool InTransaction = true,
    string? Part = null)
{
    /// <summary>The file's line of a line of <see cref="Text"/>.</summary>
    public int LineInFile(int lineInText) => lineInText + FirstLine - 1;

    /// <summary>The file's 1-based line and column of an index into <see cref="Text"/>; a part always starts at a
    /// line start, so columns need no shift.</summary>
    public (int Line, int Column) Position(int indexInText)
    {
        var (line, column) = TextPosition.LineAndColumn(Text, indexInText);
        return (LineInFile(line), column);
    }
}
