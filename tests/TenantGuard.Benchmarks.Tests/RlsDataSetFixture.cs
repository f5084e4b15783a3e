using TenantGuard.Benchmarks.Rls;
using TenantGuard.Harness;
using TenantGuard.Harness.Server;

namespace TenantGuard.Benchmarks.Tests;

/// <summary>A real PostgreSQL (through the harness) holding a small copy of the benchmark data in every mode's schema.</summary>
public sealed class RlsDataSetFixture : IAsyncLifetime
{
    public const long Rows = 5_000;

    private PostgresServer? _server;
    private TenantDatabaseTemplate? _template;

    public RlsDataSet Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var progress = new Progress<string>();
        _server = await new PostgresServerBuilder().StartAsync();
        _template = await RlsTemplate.BuildAsync(_server, progress, CancellationToken.None);
        Data = await RlsDataSet.CreateAsync(_template, Rows, progress, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Data is not null)
        {
            await Data.DisposeAsync();
        }

        if (_template is not null)
        {
            await _template.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
