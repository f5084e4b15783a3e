using System.Globalization;
using System.Text.RegularExpressions;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Package;

/// <summary>
/// How users meet TenantGuard: pack the analyzer package, reference it from a fresh project with migrations as
/// AdditionalFiles, build, and find TG0001–TG0004 in the build output and in the SARIF error log.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tenantguard-consumer-").FullName;

    [Fact]
    public async Task Packed_package_reports_every_rule_in_build_output_and_sarif()
    {
        var feed = Path.Combine(_root, "feed");
        var version = "0.1.0-check." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var pack = await DotnetCli.RunAsync(RepositoryRoot.Path, "pack",
            Path.Combine(RepositoryRoot.Path, "analyzers", "TenantGuard.Analyzers.Package", "TenantGuard.Analyzers.Package.csproj"),
            "-o", feed, "-p:PackageVersion=" + version, "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, "TenantGuard.Analyzers." + version + ".nupkg")), pack.Output);

        var project = WriteConsumer(feed, version);
        var sarif = Path.Combine(project, "tenantguard.sarif");
        var build = await DotnetCli.RunAsync(project, "build", "-nodeReuse:false", "-p:ErrorLog=" + sarif);
        Assert.True(build.ExitCode == 0, build.Output);

        var findings = build.Output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => Regex.IsMatch(line, @"warning TG0\d{3}:"))
            .Distinct()
            .ToList();
        foreach (var id in new[] { "TG0001", "TG0002", "TG0003", "TG0004" })
        {
            Assert.Contains(findings, line => line.Contains("warning " + id + ":", StringComparison.Ordinal));
        }

        // [CrossTenant] from the package's opt-in source file compiles and silences the admin method.
        Assert.DoesNotContain(findings, line => line.Contains("RevenueAsync", StringComparison.Ordinal));

        var log = await File.ReadAllTextAsync(sarif);
        foreach (var id in new[] { "TG0001", "TG0002", "TG0003", "TG0004" })
        {
            Assert.Contains("\"" + id + "\"", log, StringComparison.Ordinal);
        }

        await SaveExcerptAsync(findings, project);

        // The severity presets: strict fails the build on the same code, none silences it, anything else is named.
        var strict = await DotnetCli.RunAsync(project, "build", "--no-incremental", "-nodeReuse:false", "-p:TenantGuardAnalysisMode=strict");
        Assert.True(strict.ExitCode != 0, strict.Output);
        Assert.Contains("error TG0001:", strict.Output, StringComparison.Ordinal);
        var none = await DotnetCli.RunAsync(project, "build", "--no-incremental", "-nodeReuse:false", "-p:TenantGuardAnalysisMode=none");
        Assert.True(none.ExitCode == 0, none.Output);
        Assert.DoesNotMatch(@"(warning|error) TG0\d{3}:", none.Output);
        var unknown = await DotnetCli.RunAsync(project, "build", "--no-incremental", "-nodeReuse:false", "-p:TenantGuardAnalysisMode=loose");
        Assert.True(unknown.ExitCode != 0, unknown.Output);
        Assert.Contains("TenantGuardAnalysisMode is 'loose'; use recommended, strict or none.", unknown.Output, StringComparison.Ordinal);
    }

    private string WriteConsumer(string feed, string version)
    {
        var project = Path.Combine(_root, "Shop");
        Directory.CreateDirectory(Path.Combine(project, "db", "migrations"));
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="tenantguard" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TenantGuardIncludeCrossTenantAttribute>true</TenantGuardIncludeCrossTenantAttribute>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TenantGuard.Analyzers" Version="{version}" />
                <PackageReference Include="Dapper" Version="2.1.86" />
                <PackageReference Include="Npgsql" Version="10.0.3" />
                <AdditionalFiles Include="db/migrations/*.sql" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "db", "migrations", "001_init.sql"), """
            CREATE TABLE tenants (id uuid PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES tenants (id), total numeric NOT NULL);
            """);
        File.WriteAllText(Path.Combine(project, "OrderRepository.cs"), """
            using Dapper;
            using Npgsql;
            using TenantGuard;

            namespace Shop;

            public sealed class OrderRepository(NpgsqlConnection connection)
            {
                private const string DEFAULT_TENANT_ID = "acme-prod";

                public Task<IEnumerable<dynamic>> AllAsync() =>
                    connection.QueryAsync("SELECT * FROM orders");

                public Task<IEnumerable<dynamic>> MineAsync(Guid tenantId) =>
                    connection.QueryAsync("SELECT * FROM orders WHERE tenant_id = @tenantId", new { tenantId });

                public Task<int> UseTenantAsync(Guid tenantId) =>
                    connection.ExecuteAsync("SET app.current_tenant = @tenantId", new { tenantId });

                public string DefaultTenant => DEFAULT_TENANT_ID;

                [CrossTenant("Nightly revenue report over every tenant")]
                public Task<decimal> RevenueAsync() => connection.ExecuteScalarAsync<decimal>("SELECT sum(total) FROM orders");
            }
            """);
        return project;
    }

    /// <summary>The restore cached this run's throwaway package versions in the global packages folder; remove them.</summary>
    private static void DeleteCachedCheckPackages()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = new DirectoryInfo(Path.Combine(packages, "tenantguard.analyzers"));
        if (!cached.Exists)
        {
            return;
        }

        foreach (var version in cached.GetDirectories("0.1.0-check.*"))
        {
            version.Delete(recursive: true);
        }
    }

    /// <summary>Keeps docs/analyzers-build-output.txt (shown in the README) in step with what a build really prints.</summary>
    private static async Task SaveExcerptAsync(IEnumerable<string> findings, string project)
    {
        var prefix = project + Path.DirectorySeparatorChar;
        var lines = findings
            .Select(line => line.Replace(prefix, string.Empty, StringComparison.Ordinal))
            .Select(line => Regex.Replace(line, @"\s*\[[^\]]*Shop\.csproj\]$", string.Empty))
            .OrderBy(line => Regex.Match(line, @"TG0\d{3}").Value, StringComparer.Ordinal)
            .ThenBy(line => line, StringComparer.Ordinal)
            .ToList();
        var excerpt = "$ dotnet build\n" + string.Join('\n', lines) + "\n";
        var path = Path.Combine(RepositoryRoot.Path, "docs", "analyzers-build-output.txt");
        if (!File.Exists(path) || await File.ReadAllTextAsync(path) != excerpt)
        {
            await File.WriteAllTextAsync(path, excerpt);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
            DeleteCachedCheckPackages();
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
