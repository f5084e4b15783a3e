using System.Text.Json;
using System.Text.Json.Nodes;
using TenantGuard.Harness;
using TenantGuard.SampleApp.Tests.Infrastructure;
using TenantGuard.Testing;

namespace TenantGuard.SampleApp.Tests;

/// <summary>TenantGuard.Testing's one assertion with the HTTP attacks tenantguard.json configures ("http"): the check's
/// server holds the database the running sample app serves, and the audit, the database attacks and the HTTP attacks
/// report as one.</summary>
public sealed class OneAssertionTests
{
    [Fact]
    public async Task The_audit_the_database_attacks_and_the_http_attacks_of_the_sample_app_pass_as_one_assertion()
    {
        using var folder = MigrationsWithHttpAttacks();
        await using var check = await TenantIsolation.StartAsync(new TenantIsolationOptions { Path = folder.Path });
        await using var database = await check.Environment.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);

        var report = await check.VerifyAsync(app.BaseUrl);

        Assert.Empty(report.Findings);
        Assert.Contains(report.Rules, rule => rule.Id == "TG1001");
        Assert.Contains(report.Rules, rule => rule.Id == "TG2001");
        Assert.Contains(report.Rules, rule => rule.Id == "TG2101");
        Assert.Equal(app.BaseUrl.ToString(), report.Facts["http.baseUrl"]);
    }

    [Fact]
    public async Task Http_attacks_without_a_base_url_say_how_to_give_one()
    {
        using var folder = MigrationsWithHttpAttacks();
        await using var check = await TenantIsolation.StartAsync(new TenantIsolationOptions { Path = folder.Path });

        var error = await Assert.ThrowsAsync<HarnessException>(() => check.VerifyAsync());

        Assert.Equal($"{Path.Combine(folder.Path, "http.json")}: no base URL; set BaseUrl in TenantIsolationOptions (or pass it to " +
                     "VerifyAsync) or set \"baseUrl\" in the file.", error.Message);
    }

    /// <summary>The sample app's migrations and tenantguard.json, copied, with "http" naming the demo tenants' file.</summary>
    private static TemporaryFolder MigrationsWithHttpAttacks()
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.GetFiles(SampleDatabaseFixture.MigrationsFolder))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        var config = Path.Combine(folder.Path, "tenantguard.json");
        var json = JsonNode.Parse(File.ReadAllText(config))!;
        json["http"] = "http.json";
        File.WriteAllText(config, json.ToJsonString());
        File.WriteAllText(Path.Combine(folder.Path, "http.json"), JsonSerializer.Serialize(RunningSampleApp.AttackConfig, JsonSerializerOptions.Web));
        return folder;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("tenantguard-sample-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
