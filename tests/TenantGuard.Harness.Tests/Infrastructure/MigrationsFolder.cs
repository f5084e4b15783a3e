namespace TenantGuard.Harness.Tests.Infrastructure;

/// <summary>A temporary migrations folder written from (file name or relative path → SQL) pairs; deleted on dispose.</summary>
public sealed class MigrationsFolder : IDisposable
{
    private MigrationsFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static MigrationsFolder Create(IReadOnlyDictionary<string, string> files)
    {
        var folder = new MigrationsFolder(Directory.CreateTempSubdirectory("tenantguard-migrations-").FullName);
        foreach (var (name, sql) in files)
        {
            // "20240101_init/migration.sql": subfolders are made as needed.
            var path = System.IO.Path.Combine(folder.Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sql);
        }

        return folder;
    }

    public static MigrationsFolder Create(params (string Name, string Sql)[] files) =>
        Create(files.ToDictionary(f => f.Name, f => f.Sql));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
