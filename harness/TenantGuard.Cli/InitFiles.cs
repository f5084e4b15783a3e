using TenantGuard.Harness;
using TenantGuard.Harness.Setup;

namespace TenantGuard.Cli;

/// <summary>The files <c>init</c> writes: tenantguard.json where the tool reads it (in the migrations folder, next to
/// a script), and the workflow in the git repository that holds the migrations.</summary>
internal sealed record InitFiles(string Config, string Workflow, string RepositoryRoot, string MigrationsInRepository)
{
    public const string SchemaUri = "https://github.com/tenantguard/tenantguard/blob/main/docs/tenantguard.schema.json";

    public IReadOnlyList<string> Paths => [Config, Workflow];

    public static InitFiles For(string migrations)
    {
        var folder = Directory.Exists(migrations) ? migrations : Path.GetDirectoryName(migrations)!;
        var root = GitRootAbove(folder) ?? Environment.CurrentDirectory;
        return new InitFiles(
            Path.Combine(folder, "tenantguard.json"),
            Path.Combine(root, ".github", "workflows", "tenantguard.yml"),
            root,
            Path.GetRelativePath(root, migrations).Replace('\\', '/'));
    }

    public async Task WriteAsync(ProjectSetup setup, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(Config, ConfigText, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(Workflow)!);
            await File.WriteAllTextAsync(Workflow, InitWorkflow.Render(setup, MigrationsInRepository), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"cannot write the setup files: {e.Message}");
        }
    }

    /// <summary>No waivers yet: findings are meant to be fixed first, and waived only with a reason.</summary>
    private static string ConfigText => $$"""
        {
          "$schema": "{{SchemaUri}}",
          "waivers": []
        }

        """;

    private static string? GitRootAbove(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return directory.FullName;
        }

        return null;
    }
}
