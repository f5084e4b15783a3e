using Npgsql;
using TenantGuard.Benchmarks.Rls;
using TenantGuard.Harness.Bench.Sampling;

namespace TenantGuard.Benchmarks.Tests;

/// <summary>
/// The benchmark compares like with like only if every mode returns exactly what the baseline returns, as the
/// application role, for the same request. These tests check that on a real server, and that the policies isolate.
/// </summary>
public sealed class RlsWorkloadTests(RlsDataSetFixture fixture) : IClassFixture<RlsDataSetFixture>
{
    private RlsDataSet Data => fixture.Data;

    public static TheoryData<QueryShape> ReadShapes =>
        [QueryShape.PointLookup, QueryShape.TenantPage, QueryShape.TenantAggregate, QueryShape.TwoTableJoin];

    [Theory]
    [MemberData(nameof(ReadShapes))]
    public async Task Every_mode_returns_what_the_explicit_filter_returns(QueryShape shape)
    {
        var requests = new RequestSequence(Data.Tenants);
        for (var i = 0; i < 5; i++)
        {
            var request = requests.Next();
            var expected = await ReadAsync(RlsStatements.For(shape, RlsMode.ExplicitFilter), request);
            Assert.NotEmpty(expected);
            foreach (var mode in RlsModes.All.Skip(1))
            {
                Assert.Equal(expected, await ReadAsync(RlsStatements.For(shape, mode), request));
            }
        }
    }

    [Fact]
    public async Task Policies_hide_other_tenants_rows_and_the_baseline_has_no_policy()
    {
        var tenant = Data.Tenants[0];
        var request = new RequestArguments(tenant.TenantId, tenant.OrderIds[0], tenant.CustomerIds[0]);

        foreach (var mode in RlsModes.All)
        {
            var visible = await ReadAsync($"SELECT count(DISTINCT tenant_id), min(tenant_id) FROM {mode.Schema()}.orders", request);
            var tenants = visible.Single().Split('|');
            if (mode == RlsMode.ExplicitFilter)
            {
                Assert.True(int.Parse(tenants[0]) > 100, $"the baseline has no policy, so the app role sees every tenant: {visible[0]}");
            }
            else
            {
                Assert.Equal(["1", tenant.TenantId.ToString()], tenants);
            }
        }
    }

    [Fact]
    public async Task The_data_has_a_whale_holding_a_fifth_of_the_rows_among_tenants_1_to_1000()
    {
        var request = new RequestSequence(Data.Tenants).Next();
        var stats = await ReadAsync(
            "SELECT min(tenant_id), max(tenant_id) <= 1000, round(100.0 * count(*) FILTER (WHERE tenant_id = 1) / count(*)) " +
            "FROM explicit_filter.orders",
            request);

        Assert.Equal(["1|True|20"], stats);
    }

    [Theory]
    [InlineData(QueryShape.Insert)]
    [InlineData(QueryShape.Update)]
    public async Task Writes_succeed_for_the_tenant_in_every_mode(QueryShape shape)
    {
        var request = new RequestSequence(Data.Tenants).Next();
        foreach (var mode in RlsModes.All)
        {
            Assert.Equal(1, await WriteAsync(RlsStatements.For(shape, mode), request));
        }
    }

    [Fact]
    public async Task A_policy_rejects_a_row_for_another_tenant()
    {
        var request = new RequestSequence(Data.Tenants).Next();
        var foreign = request with { TenantId = request.TenantId + 1 };
        await using var connection = await Data.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await RlsRequest.SetTenantAsync(connection, transaction, request.TenantId, CancellationToken.None);
        await using var command = RlsRequest.CreateCommand(
            connection, transaction, RlsStatements.For(QueryShape.Insert, RlsMode.RlsPolicy), foreign);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_plans_show_why_the_modes_cost_what_they_cost()
    {
        var plans = await PlanCollector.CollectAsync(Data, CancellationToken.None);

        Assert.Equal(QueryShapes.All.Count * RlsModes.All.Count, plans.Count);
        string Plan(QueryShape shape, RlsMode mode) => plans.Single(p => p.Shape == shape.Key() && p.Mode == mode.Key()).Plan;
        Assert.Contains("InitPlan", Plan(QueryShape.TenantPage, RlsMode.WrappedFunctionPolicy));
        Assert.Contains("current_tenant_id()", Plan(QueryShape.TenantPage, RlsMode.FunctionPerRowPolicy));
        Assert.DoesNotContain("InitPlan", Plan(QueryShape.TenantPage, RlsMode.FunctionPerRowPolicy));
        Assert.Contains("(tenant_id)::text", Plan(QueryShape.TenantPage, RlsMode.NonSargablePolicy));
        Assert.Contains("Seq Scan", Plan(QueryShape.TenantPage, RlsMode.NonSargablePolicy));
    }

    [Fact]
    public async Task The_paired_sampler_measures_every_shape_and_mode_against_the_baseline_of_its_round()
    {
        var settings = new SamplerSettings(Rounds: 3, BatchTime: TimeSpan.FromMilliseconds(1), WarmupRequests: 1);

        var measurements = await RlsMatrixSampler.MeasureAsync(Data, settings, new Progress<string>(), CancellationToken.None);

        Assert.Equal(QueryShapes.All.Count * RlsModes.All.Count, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(RlsDataSetFixture.Rows, m.Rows));
        Assert.All(measurements.Where(m => m.Mode == RlsMode.ExplicitFilter.Key()), m => Assert.Equal(1.0, m.RatioToBaseline));
        Assert.All(measurements, m => Assert.True(m.MedianMicroseconds > 0 && m.RatioToBaseline > 0, m.ToString()));
    }

    /// <summary>Runs a statement inside the benchmark's envelope; returns its rows as "a|b|c", sorted (a join has no order).</summary>
    private async Task<List<string>> ReadAsync(string sql, RequestArguments request)
    {
        await using var connection = await Data.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await RlsRequest.SetTenantAsync(connection, transaction, request.TenantId, CancellationToken.None);
        var rows = new List<string>();
        await using (var command = RlsRequest.CreateCommand(connection, transaction, sql, request))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add(string.Join("|", values));
            }
        }

        await transaction.RollbackAsync();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task<int> WriteAsync(string sql, RequestArguments request)
    {
        await using var connection = await Data.App.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await RlsRequest.SetTenantAsync(connection, transaction, request.TenantId, CancellationToken.None);
        await using var command = RlsRequest.CreateCommand(connection, transaction, sql, request);
        var affected = await command.ExecuteNonQueryAsync();
        await transaction.RollbackAsync();
        return affected;
    }
}
