namespace TenantGuard.Harness.Migrations;

internal static class MigrationPaths
{
    /// <summary>Relative to the current directory when below it (as the user typed it), else the full path.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
