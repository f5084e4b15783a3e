using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// What test sources compile against: the running .NET's framework assemblies plus the real Dapper, Npgsql and EF Core
/// assemblies this test project references, so sinks are recognised through their actual metadata.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> Framework { get; } = FrameworkPaths()
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();

    public static ImmutableArray<MetadataReference> All { get; } = Build();

    private static List<string> FrameworkPaths()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(frameworkDirectory, "*.dll").Where(IsManagedAssembly).ToList();
    }

    private static ImmutableArray<MetadataReference> Build()
    {
        var paths = FrameworkPaths();
        paths.Add(typeof(Dapper.SqlMapper).Assembly.Location);
        paths.Add(typeof(Npgsql.NpgsqlCommand).Assembly.Location);
        paths.Add(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location);
        paths.Add(typeof(Microsoft.EntityFrameworkCore.RelationalQueryableExtensions).Assembly.Location);
        paths.Add(typeof(Microsoft.EntityFrameworkCore.Infrastructure.IResettableService).Assembly.Location);
        return paths.Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith("Microsoft.DiaSymReader", StringComparison.Ordinal) &&
               !name.Equals("mscordaccore.dll", StringComparison.OrdinalIgnoreCase) &&
               !name.Equals("mscordbi.dll", StringComparison.OrdinalIgnoreCase) &&
               HasMetadata(path);
    }

    private static bool HasMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
