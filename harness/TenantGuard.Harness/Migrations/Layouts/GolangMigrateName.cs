namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>A golang-migrate file name: <c>&lt;version&gt;_&lt;title&gt;.up.sql</c> or <c>.down.sql</c>, the version digits only.</summary>
internal readonly record struct GolangMigrateName(string Version, bool IsUp)
{
    public static bool TryParse(string fileName, out GolangMigrateName name)
    {
        name = default;
        var digits = DigitText.LeadingDigits(fileName);
        if (digits == 0 || digits >= fileName.Length || fileName[digits] != '_' || !MigrationSource.IsSql(fileName))
            return false;
        var stem = fileName[(digits + 1)..^".sql".Length];
        var isUp = stem.EndsWith(".up", StringComparison.Ordinal);
        if (!isUp && !stem.EndsWith(".down", StringComparison.Ordinal))
            return false;
        name = new GolangMigrateName(fileName[..digits], isUp);
        return true;
    }
}
