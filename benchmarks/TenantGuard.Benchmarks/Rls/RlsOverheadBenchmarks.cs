using BenchmarkDotNet.Attributes;

namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// Per request cost of each shape under each enforcement mode; the explicit filter without RLS is the baseline of
/// every shape, so BenchmarkDotNet and the results report each mode's ratio to it from the same run.
/// </summary>
public class RlsOverheadBenchmarks
{
    private readonly Dictionary<RlsMode, string> _statements = [];
    private RlsDataSet _data = null!;
    private RequestSequence _requests = null!;

    [ParamsAllValues]
    public QueryShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = RlsBenchmarkContext.Current;
        _requests = new RequestSequence(_data.Tenants);
        foreach (var mode in RlsModes.All)
        {
            _statements[mode] = RlsStatements.For(Shape, mode);
        }
    }

    [Benchmark(Baseline = true)]
    public Task ExplicitFilter() => Run(RlsMode.ExplicitFilter);

    [Benchmark]
    public Task RlsPolicy() => Run(RlsMode.RlsPolicy);

    [Benchmark]
    public Task RlsPolicyAndFilter() => Run(RlsMode.RlsPolicyAndFilter);

    [Benchmark]
    public Task NonSargablePolicy() => Run(RlsMode.NonSargablePolicy);

    [Benchmark]
    public Task FunctionPerRowPolicy() => Run(RlsMode.FunctionPerRowPolicy);

    [Benchmark]
    public Task WrappedFunctionPolicy() => Run(RlsMode.WrappedFunctionPolicy);

    private Task Run(RlsMode mode) => RlsRequest.ExecuteAsync(_data.App, _requests.Next(), _statements[mode]);
}
