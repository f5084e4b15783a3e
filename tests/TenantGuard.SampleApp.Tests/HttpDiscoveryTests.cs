using Dapper;
using TenantGuard.Harness;
using TenantGuard.Harness.Attacks.Http;
using TenantGuard.SampleApp.Hosting;
using TenantGuard.SampleApp.Tests.Infrastructure;

namespace TenantGuard.SampleApp.Tests;

/// <summary>The HTTP attack's discovery, limits and cleanup against the real sample app on 127.0.0.1.</summary>
[Collection("sample-app")]
public sealed class HttpDiscoveryTests(SampleDatabaseFixture fixture)
{
    [Fact]
    public async Task Discovery_reads_the_apps_openapi_document()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        var document = OpenApiDocumentSource.Parse(await client.GetStringAsync("/openapi/v1.json"), "v1.json");

        var discovery = OpenApiResourceFinder.Find(document);

        var documents = Assert.Single(discovery.Resources, r => r.Name == "documents");
        Assert.Equal("/api/documents/{id}", documents.Item);
        Assert.Equal("UpdateDocument", documents.Update?.OperationId);
        Assert.Equal("DeleteDocument", documents.Delete?.OperationId);
        Assert.NotNull(documents.Create?.RequestSchema);
        var shared = Assert.Single(discovery.Resources, r => r.Name == "shared-resources");
        Assert.Null(shared.Create);
        Assert.Contains(discovery.Skipped, s => s.StartsWith("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Globally_shared_resources_are_not_reported()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);
        var globex = DemoData.Tenants[1];
        await using (var connection = await database.OwnerDataSource.OpenConnectionAsync())
        {
            // First in globex's list (by name): acme reads it by design, so an attack that took it for globex's own
            // record would call it a leak.
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("SELECT set_config('app.current_tenant', @id, true)", new { id = globex.Id.ToString() }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO shared_resources (tenant_id, name, content, sharing_mode) VALUES (@id, 'Aaa handbook for everyone', 'public', 'global')", new { globex.Id }, transaction);
            await transaction.CommitAsync();
        }

        var config = RunningSampleApp.HandWrittenAttackConfig with
        {
            Endpoints = [new("shared-resources", "/api/shared-resources", "/api/shared-resources/{id}")],
        };
        var report = await HttpIsolationAttack.RunAsync(config, app.BaseUrl, []);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task What_the_run_created_is_deleted_and_the_request_cap_holds()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);
        var before = await CountDocumentsAsync(database);

        var full = await HttpIsolationAttack.RunAsync(RunningSampleApp.AttackConfig, app.BaseUrl, []);
        Assert.Equal(before, await CountDocumentsAsync(database));

        var capped = await HttpIsolationAttack.RunAsync(RunningSampleApp.AttackConfig with { MaxRequests = 12 }, app.BaseUrl, []);
        Assert.Contains(capped.Facts.Values, v => v.Contains("request cap of 12", StringComparison.Ordinal));
        Assert.True(int.Parse(capped.Facts["requests"]) <= 12);
        Assert.True(int.Parse(full.Facts["requests"]) > 12);
        Assert.Equal(before, await CountDocumentsAsync(database));
        // What the cap stopped is not proven: the capped run cannot pass as clean.
        Assert.Equal(0, full.ExitCode);
        Assert.NotEqual(0, capped.ExitCode);
        Assert.Contains(capped.Findings, f => f.Rule == "TG2009" && f.Message.Contains("request cap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_config_that_names_nothing_to_attack_is_a_question_not_a_clean_run()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await using var app = await RunningSampleApp.StartAsync(database);

        var error = await Assert.ThrowsAsync<HarnessException>(() =>
            HttpIsolationAttack.RunAsync(RunningSampleApp.AttackConfig with { Openapi = null, Endpoints = [] }, app.BaseUrl, []));
        Assert.Contains("no endpoint to attack", error.Message, StringComparison.Ordinal);
    }

    private static async Task<long> CountDocumentsAsync(TenantDatabase database)
    {
        await using var connection = await database.OwnerDataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM documents");
    }
}
