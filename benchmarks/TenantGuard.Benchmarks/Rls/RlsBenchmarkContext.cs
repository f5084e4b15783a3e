namespace TenantGuard.Benchmarks.Rls;

/// <summary>
/// The data set the benchmark classes run against. BenchmarkDotNet creates the classes itself, and the in-process
/// toolchain runs them in this process, so the shared data reaches them through here.
/// </summary>
public static class RlsBenchmarkContext
{
    private static RlsDataSet? s_current;

    public static RlsDataSet Current
    {
        get => s_current ?? throw new InvalidOperationException("no RLS data set is loaded; run the benchmarks through the benchmarks program");
        set => s_current = value;
    }

    public static void Clear() => s_current = null;
}
