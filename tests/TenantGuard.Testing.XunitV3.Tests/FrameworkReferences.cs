using System.Reflection;
using Microsoft.CodeAnalysis;

namespace TenantGuard.Testing.Tests;

/// <summary>The assemblies a user's test project compiles against, per test framework: .NET itself, TenantGuard's
/// packages as built, and the framework's own package from the package cache (restored by this project, never
/// referenced; the csproj records where each is). No network.</summary>
internal static class FrameworkReferences
{
    public static readonly IReadOnlyList<string> Frameworks = ["xunit v2", "xunit v3", "NUnit", "MSTest"];

    /// <summary>Each newer target first: the one a net10.0 project would take.</summary>
    private static readonly string[] TargetFrameworks = ["net10.0", "net9.0", "net8.0", "netstandard2.1", "netstandard2.0", "netstandard1.1"];

    public static IReadOnlyList<MetadataReference> For(string framework)
    {
        var files = new List<string>(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll"));
        files.AddRange(new[] { "TenantGuard.Testing", "TenantGuard.Harness", "TenantGuard.Sql", "Npgsql" }.Select(Built));
        files.AddRange(framework switch
        {
            "xunit v2" => [Metadata("adapter:xunit-v2"), .. PackageLibrary("xunit.extensibility.core")],
            "xunit v3" => [Built("TenantGuard.Testing.XunitV3"), Built("xunit.v3.core"), Built("xunit.v3.common"), Built("xunit.v3.assert")],
            "NUnit" => PackageLibrary("NUnit"),
            "MSTest" => PackageLibrary("MSTest.TestFramework"),
            _ => throw new ArgumentOutOfRangeException(nameof(framework), framework, null),
        });
        return files.Where(IsManaged).Select(file => (MetadataReference)MetadataReference.CreateFromFile(file)).ToList();
    }

    private static string Built(string assembly) => Path.Combine(AppContext.BaseDirectory, assembly + ".dll");

    private static IEnumerable<string> PackageLibrary(string package)
    {
        var root = Metadata("package:" + package);
        var lib = TargetFrameworks.Select(tfm => Path.Combine(root, "lib", tfm)).FirstOrDefault(Directory.Exists)
                  ?? throw new DirectoryNotFoundException($"{package}: no library for .NET in {root}/lib.");
        return Directory.GetFiles(lib, "*.dll");
    }

    private static string Metadata(string key)
    {
        var value = typeof(FrameworkReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        return File.Exists(value) || Directory.Exists(value)
            ? value
            : throw new FileNotFoundException($"{key}: {value} does not exist; build the solution (or restore this project) first.");
    }

    /// <summary>The runtime folder also holds native libraries; only managed assemblies are references.</summary>
    private static bool IsManaged(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
