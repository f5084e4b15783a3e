using Json.Schema;
using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Tests.Reports;

/// <summary>docs/tenantguard.schema.json (what editors check) and the reader (what the tool accepts) agree.</summary>
public sealed class ConfigurationSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromFile(Path.Combine(RepositoryFolder.Find("docs"), "tenantguard.schema.json"));

    [Theory]
    [InlineData("""{ "$schema": "https://github.com/tenantguard/tenantguard/blob/main/docs/tenantguard.schema.json", "waivers": [ { "rule": "TG1003", "object": "public.shared", "reason": "Shared by design." } ] }""")]
    [InlineData("""{ "tenantTables": ["public.settings"] }""")]
    [InlineData("""{ "waivers": [], "tenantTables": [] }""")]
    [InlineData("""{ "migrations": "db", "layout": "flyway", "appRole": "web", "tenantColumn": "org_id", "tenantSetting": "app.org" }""")]
    [InlineData("""{ "migrationsAsSuperuser": false, "seedSql": "seed.sql", "http": "http.json" }""")]
    [InlineData("""{ "appRole": "web" }""")]
    public async Task What_the_reader_accepts_the_schema_accepts(string json)
    {
        using var folder = new TemporaryDirectory();
        var path = Path.Combine(folder.Path, "tenantguard.json");
        await File.WriteAllTextAsync(path, json);

        await WaiverFile.LoadConfigAsync(path);
        Assert.True(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid, json);
    }

    [Theory]
    [InlineData("""{ "waiver": [] }""")]
    [InlineData("""{ "waivers": [ { "rule": "TG1003", "object": "public.shared" } ] }""")]
    [InlineData("""{ "waivers": [ { "rule": "1003", "object": "public.shared", "reason": "x" } ] }""")]
    [InlineData("""{ "waivers": [ { "rule": "TG1003", "object": "public.shared", "reason": "x", "until": "2027" } ] }""")]
    [InlineData("""{ "tenantTables": [""] }""")]
    [InlineData("""{ }""")]
    [InlineData("""{ "$schema": "tenantguard.schema.json" }""")]
    [InlineData("""{ "appRole": "" }""")]
    [InlineData("""{ "layout": "liquibase" }""")]
    [InlineData("""{ "migrationsAsSuperuser": "true" }""")]
    [InlineData("""{ "http": ["a.json"] }""")]
    public async Task What_the_reader_rejects_the_schema_rejects(string json)
    {
        using var folder = new TemporaryDirectory();
        var path = Path.Combine(folder.Path, "tenantguard.json");
        await File.WriteAllTextAsync(path, json);

        await Assert.ThrowsAsync<HarnessException>(() => WaiverFile.LoadConfigAsync(path));
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid, json);
    }
}
