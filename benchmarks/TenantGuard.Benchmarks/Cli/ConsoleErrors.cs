using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness;

namespace TenantGuard.Benchmarks.Cli;

/// <summary>User-facing failures become one line on stderr and exit code 2; anything else is a bug and keeps its trace.</summary>
internal static class ConsoleErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is BenchmarkException or HarnessException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 2;
        }
    }
}
