using BenchmarkDotNet.Attributes;
using Npgsql;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// What a request pays before its statement: the tenant envelope (open, BEGIN + set_config(..., true), COMMIT),
/// next to the floor of any request (open + SELECT 1).
/// </summary>
public class TenantSettingBenchmarks
{
    private RlsDataSet _data = null!;
    private RequestSequence _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = RlsBenchmarkContext.Current;
        _requests = new RequestSequence(_data.Tenants);
    }

    [Benchmark(Baseline = true)]
    public async Task SelectOne()
    {
        await using var connection = await _data.App.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }

    [Benchmark]
    public Task SetTenant() => RlsRequest.SetTenantOnlyAsync(_data.App, _requests.Next().TenantId);
}
