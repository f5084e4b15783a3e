namespace TenantGuard.Harness.Databases;

internal static class SqlIdentifier
{
    /// <summary>A role or database name as a quoted identifier, safe whatever characters it holds.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A string literal (standard_conforming_strings is on in every supported version).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
